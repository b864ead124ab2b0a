namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>
/// Every buyer-facing text, in one place. Admins may override any of them from the dashboard
/// (<see cref="Domain.Settings.BotTextOverride"/>); the placeholders listed here are the ones a template may use.
/// </summary>
public static partial class BotTextCatalog
{
    public static readonly TextTemplate StartGreeting = new("start.greeting",
        "🌟 Halo, <b>{name}</b>! Selamat datang di <b>{store}</b>.\n\n📦 Produk tersedia: <b>{products}</b> | 🛒 Transaksi: " +
            "<b>{transactions}</b> | 👥 Pembeli: <b>{buyers}</b>\n\nBelanja akun, voucher &amp; lisensi digital — bayar QRIS, barang " +
            "langsung dikirim otomatis ⚡",
        "🌟 Hi, <b>{name}</b>! Welcome to <b>{store}</b>.\n\n📦 Products available: <b>{products}</b> | 🛒 Transactions: " +
            "<b>{transactions}</b> | 👥 Buyers: <b>{buyers}</b>\n\nDigital accounts, vouchers &amp; licences — pay by QRIS, delivered " +
            "instantly ⚡",
        "Greeting on /start", "name", "store", "products", "transactions", "buyers");

    public static readonly TextTemplate StartCategories = new("start.categories",
        "🗂️ <b>Pilih kategori</b> untuk mulai belanja 👇",
        "🗂️ <b>Choose a category</b> to start shopping 👇",
        "Above the category buttons");

    public static readonly TextTemplate StartNoProducts = new("start.no_products",
        "😴 Belum ada produk yang dijual saat ini. Cek lagi nanti ya 🙏",
        "😴 Nothing for sale right now. Please check back later 🙏",
        "When no category has products");

    public static readonly TextTemplate MenuProducts = new("menu.products", "🛍️ Produk", "🛍️ Products", "Reply keyboard button");
    public static readonly TextTemplate MenuCart = new("menu.cart", "🛒 Keranjang", "🛒 Cart", "Reply keyboard button");
    public static readonly TextTemplate MenuBalance = new("menu.balance", "💰 Saldo", "💰 Balance", "Reply keyboard button");
    public static readonly TextTemplate MenuOrders = new("menu.orders", "📦 Pesanan Saya", "📦 My Orders", "Reply keyboard button");
    public static readonly TextTemplate MenuHelp = new("menu.help", "❓ Bantuan", "❓ Help", "Reply keyboard button");

    public static readonly TextTemplate UnknownText = new("unknown.text",
        "🤔 Maaf, aku belum paham pesan itu. Ketik /start atau pakai tombol menu di bawah ya 👇",
        "🤔 Sorry, I didn't get that. Type /start or use the menu buttons below 👇",
        "Reply to text the bot does not understand");

    public static readonly TextTemplate StaleButton = new("callback.stale",
        "⌛ Tombol ini sudah tidak berlaku. Ketik /start untuk mulai lagi.",
        "⌛ This button has expired. Type /start to begin again.",
        "Answer to an outdated button");

    public static readonly TextTemplate Blocked = new("buyer.blocked",
        "⛔ Maaf, akun kamu sedang diblokir oleh admin toko. Hubungi admin jika ini keliru.",
        "⛔ Sorry, your account has been blocked by the shop admin. Contact the admin if this is a mistake.",
        "Told to a blocked buyer");

    public static readonly TextTemplate GenericError = new("error.generic",
        "😵 Waduh, ada gangguan sebentar. Coba lagi sebentar lagi ya.",
        "😵 Oops, something went wrong. Please try again in a moment.",
        "When something failed on our side");

    private static IReadOnlyList<TextTemplate>? _all;

    /// <summary>
    /// All templates, for the dashboard's text editor. Built on first use: the fields live in several partial files whose
    /// static initialisers run in an unspecified order, so a field-initialised list could see some of them still null.
    /// </summary>
    public static IReadOnlyList<TextTemplate> All => _all ??= typeof(BotTextCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(TextTemplate))
        .Select(f => (TextTemplate)f.GetValue(null)!)
        .Concat(VoucherTexts.All)
        .ToArray();
}
