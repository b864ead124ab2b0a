namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>Restock alerts, search, unlimited stock and testimonials (ADR-021).</summary>
public static partial class BotTextCatalog
{
    public static readonly TextTemplate BtnNotifyMe = new("restock.button",
        "🔔 Kabari saya", "🔔 Notify me", "Button on a sold-out product");
    public static readonly TextTemplate RestockSubscribed = new("restock.subscribed",
        "🔔 Siap! Kamu akan dikabari sekali saat stok {product} tersedia lagi.",
        "🔔 Done! You'll be told once when {product} is back in stock.",
        "Toast after pressing the bell", "product");
    public static readonly TextTemplate RestockAlert = new("restock.alert",
        "🔔 <b>{product}</b> tersedia lagi!\n💰 Harga: <b>{price}</b> · 📊 Stok: <b>{stock}</b>\n\nBuruan sebelum habis lagi 👇",
        "🔔 <b>{product}</b> is back in stock!\n💰 Price: <b>{price}</b> · 📊 Stock: <b>{stock}</b>\n\nGrab it before it's gone 👇",
        "Told once to buyers who pressed the bell", "product", "price", "stock");
    public static readonly TextTemplate BtnViewProduct = new("restock.view",
        "🛍️ Lihat produk", "🛍️ View product", "Button under a restock alert");
    public static readonly TextTemplate UnlimitedStock = new("catalog.unlimited",
        "∞", "∞", "Stock shown for an unlimited product");

    public static readonly TextTemplate SearchResults = new("search.results",
        "🔍 Hasil pencarian <b>{query}</b> ({page}/{pages}):", "🔍 Results for <b>{query}</b> ({page}/{pages}):",
        "Above the products a search found", "query", "page", "pages");
    public static readonly TextTemplate SearchNoMatch = new("search.no_match",
        "🔍 Tidak ada produk yang cocok dengan <b>{query}</b>.\nCoba kata lain (nama atau kode produk), atau pilih kategori 👇",
        "🔍 No product matches <b>{query}</b>.\nTry another word (product name or code), or pick a category 👇",
        "When a search finds nothing", "query");

    public static readonly TextTemplate ProductRating = new("catalog.rating",
        "\n⭐ {rating}/5 dari {count} ulasan", "\n⭐ {rating}/5 from {count} reviews", "Rating line on the product card", "rating", "count");
    public static readonly TextTemplate ReviewPrompt = new("review.prompt",
        "⭐ Gimana <b>{product}</b>-nya? Kasih nilai 1–5 ya, bantu pembeli lain 🙏",
        "⭐ How was <b>{product}</b>? Rate it 1–5 to help other buyers 🙏",
        "Sent after delivery, with star buttons", "product");
    public static readonly TextTemplate ReviewAskText = new("review.ask_text",
        "🙏 Makasih, nilai {rating}⭐ tersimpan! Mau tambah ulasan singkat? Kirim teksnya sekarang, atau tekan Lewati.",
        "🙏 Thanks, {rating}⭐ saved! Want to add a short review? Send it now, or press Skip.",
        "After the buyer picked stars", "rating");
    public static readonly TextTemplate BtnSkipReview = new("review.skip", "⏭️ Lewati", "⏭️ Skip", "Skip the review text");
    public static readonly TextTemplate ReviewThanks = new("review.thanks",
        "💖 Terima kasih atas ulasannya!", "💖 Thank you for your review!", "After the review is complete");
    public static readonly TextTemplate ReviewNotAllowed = new("review.not_allowed",
        "⌛ Ulasan ini tidak bisa diberikan.", "⌛ This review can't be given.", "Stale or forged rating button");
    public static readonly TextTemplate TestimonyPost = new("review.channel_post",
        "{stars} <b>{product}</b>\n{text}\n— {buyer}", "{stars} <b>{product}</b>\n{text}\n— {buyer}",
        "A testimonial as posted to the testimony channel (buyer's first name only)", "stars", "product", "text", "buyer");
}
