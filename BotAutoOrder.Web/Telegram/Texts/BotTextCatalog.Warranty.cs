namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>Warranty (garansi) claim texts (issue 13, ADR-020).</summary>
public static partial class BotTextCatalog
{
    public static readonly TextTemplate ProductWarranty = new("catalog.product_warranty",
        "\n🛡️ Garansi {days} hari", "\n🛡️ Warranty {days} days", "Warranty line on the product card", "days");
    public static readonly TextTemplate BtnClaim = new("button.claim", "🛠️ Klaim garansi", "🛠️ Warranty claim", "Button");
    public static readonly TextTemplate BtnSkipScreenshot = new("button.claim_skip", "⏭️ Lewati", "⏭️ Skip", "Button");
    public static readonly TextTemplate BtnCancelClaim = new("button.claim_cancel", "✖️ Batal", "✖️ Cancel", "Button");
    public static readonly TextTemplate ClaimPick = new("claim.pick",
        "🛠️ <b>Klaim garansi</b> · <code>{invoice}</code>\nPilih item yang bermasalah 👇",
        "🛠️ <b>Warranty claim</b> · <code>{invoice}</code>\nPick the item that stopped working 👇",
        "List of items to claim", "invoice");
    public static readonly TextTemplate ClaimReasonPrompt = new("claim.reason_prompt",
        "✍️ Ceritakan masalah <b>{product}</b> (misalnya: password salah, akun terkunci). Kirim sebagai teks ya.",
        "✍️ Tell us what is wrong with <b>{product}</b> (e.g. wrong password, account locked). Send it as text.",
        "After picking the item", "product");
    public static readonly TextTemplate ClaimNeedReason = new("claim.need_reason",
        "📸 Screenshot diterima. Sekarang tulis alasannya dalam teks ya.", "📸 Screenshot received. Now type the reason as text.",
        "A photo came before the reason");
    public static readonly TextTemplate ClaimScreenshotPrompt = new("claim.screenshot_prompt",
        "📸 Kirim screenshot masalahnya (opsional), atau tekan <b>Lewati</b>.",
        "📸 Send a screenshot of the problem (optional), or press <b>Skip</b>.",
        "After the reason");
    public static readonly TextTemplate ClaimReceived = new("claim.received",
        "✅ Klaim garansi <b>#{claim}</b> diterima! Admin akan mengeceknya secepatnya 🙏",
        "✅ Warranty claim <b>#{claim}</b> received! The admin will check it soon 🙏",
        "Claim opened", "claim");
    public static readonly TextTemplate ClaimReceivedAuto = new("claim.received_auto",
        "✅ Klaim garansi <b>#{claim}</b> diterima dan langsung diganti — item baru sedang dikirim ⚡",
        "✅ Warranty claim <b>#{claim}</b> received and replaced at once — your new item is on its way ⚡",
        "Claim opened and replaced automatically", "claim");
    public static readonly TextTemplate ClaimWindowClosed = new("claim.window_closed",
        "⌛ Maaf, masa garansi untuk pesanan ini sudah berakhir ({until}). Hubungi admin kalau butuh bantuan ya 🙏",
        "⌛ Sorry, the warranty for this order ended ({until}). Contact the admin if you need help 🙏",
        "Claim after the warranty window", "until");
    public static readonly TextTemplate ClaimNoWarranty = new("claim.no_warranty",
        "ℹ️ Produk di pesanan ini tidak bergaransi.", "ℹ️ The products in this order carry no warranty.", "Order without warranty");
    public static readonly TextTemplate ClaimAlreadyOpen = new("claim.already_open",
        "🕒 Item ini sudah punya klaim yang sedang diproses. Tunggu kabar dari admin ya 🙏",
        "🕒 This item already has a claim in progress. The admin will get back to you 🙏",
        "Second claim on the same item");
    public static readonly TextTemplate ClaimAlreadySettled = new("claim.already_settled",
        "ℹ️ Dana item ini sudah dikembalikan lewat klaim sebelumnya.", "ℹ️ This item was already refunded by an earlier claim.",
        "Claim on an item refunded before");
    public static readonly TextTemplate ClaimCancelled = new("claim.cancelled",
        "❎ Klaim dibatalkan.", "❎ Claim cancelled.", "The buyer cancelled a draft");
    public static readonly TextTemplate ClaimReplacedMessage = new("claim.replaced",
        "🛠️ <b>Garansi #{claim}</b> · <code>{invoice}</code>\n<b>{product}</b> diganti dengan item baru 👇\n{item}\nSimpan baik-baik ya 🙏",
        "🛠️ <b>Warranty #{claim}</b> · <code>{invoice}</code>\n<b>{product}</b> was replaced with a new item 👇\n{item}\nKeep it safe 🙏",
        "Replacement item sent to the buyer", "claim", "invoice", "product", "item");
    public static readonly TextTemplate ClaimRefundedMessage = new("claim.refunded",
        "💰 <b>Garansi #{claim}</b>: dana <b>{product}</b> sebesar <b>{amount}</b> sudah masuk ke saldo kamu.",
        "💰 <b>Warranty #{claim}</b>: <b>{amount}</b> for <b>{product}</b> went to your balance.",
        "Claim refunded to balance", "claim", "product", "amount");
    public static readonly TextTemplate ClaimRejectedMessage = new("claim.rejected",
        "❌ <b>Garansi #{claim}</b> untuk <b>{product}</b> ditolak.\nCatatan admin: {note}",
        "❌ <b>Warranty #{claim}</b> for <b>{product}</b> was rejected.\nAdmin's note: {note}",
        "Claim rejected", "claim", "product", "note");
}
