namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>Terms (SNK) and anti-spam texts.</summary>
public static partial class BotTextCatalog
{
    public static readonly TextTemplate TermsMessage = new("terms.message",
        "📜 <b>SNK {product}</b>\n\n{terms}\n\nSudah memenuhi SNK? Tekan tombol di bawah lalu kirim buktinya (teks dan/atau foto).",
        "📜 <b>Terms for {product}</b>\n\n{terms}\n\nDone? Press the button below and send your proof (text and/or photo).",
        "Terms sent after delivery", "product", "terms");
    public static readonly TextTemplate TermsPrompt = new("terms.prompt",
        "📎 Kirim bukti SNK untuk <b>{product}</b> sekarang: teks dan/atau foto.",
            "📎 Send your proof for <b>{product}</b> now: text and/or a photo.",
        "After pressing the terms button", "product");
    public static readonly TextTemplate TermsAskReplace = new("terms.ask_replace",
        "Kamu sudah mengirim bukti untuk <b>{product}</b>. Ganti dengan bukti baru?",
            "You already sent proof for <b>{product}</b>. Replace it?",
        "A proof exists already", "product");
    public static readonly TextTemplate TermsReceived = new("terms.received",
        "✅ Bukti SNK diterima! Admin akan mengeceknya ya 🙏", "✅ Proof received! The admin will check it 🙏", "Proof stored");
    public static readonly TextTemplate TermsApproved = new("terms.approved",
        "✅ Bukti SNK untuk <b>{product}</b> disetujui. {note}", "✅ Your proof for <b>{product}</b> was approved. {note}", "Proof approved",
            "product", "note");
    public static readonly TextTemplate TermsRejected = new("terms.rejected",
        "❌ Bukti SNK untuk <b>{product}</b> ditolak.\nCatatan admin: {note}\nTekan tombol SNK lagi untuk mengirim bukti baru.",
        "❌ Your proof for <b>{product}</b> was rejected.\nAdmin's note: {note}\nPress the terms button again to send new proof.",
        "Proof rejected", "product", "note");
    public static readonly TextTemplate BtnFulfilTerms = new("button.fulfil_terms", "✅ Penuhi SNK", "✅ Fulfil terms", "Button");
    public static readonly TextTemplate BtnReplace = new("button.replace", "🔁 Ganti bukti", "🔁 Replace proof", "Button");
    public static readonly TextTemplate SpamWarning = new("spam.warning",
        "🐢 Pelan-pelan ya, kamu terlalu cepat. Tunggu sebentar lalu coba lagi.",
            "🐢 Slow down a little — please wait a moment and try again.",
        "Told once per window to a buyer sending too fast");
}
