namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>Balance, deposits, orders, help and button labels.</summary>
public static partial class BotTextCatalog
{
    public static readonly TextTemplate BalanceView = new("balance.view",
        "💰 <b>Saldo kamu: {balance}</b>\n\n🧾 Riwayat terakhir:\n{history}\n\nIsi saldo pakai QRIS (min {min}, maks {max}) 👇\nNominal " +
            "lain: <code>/deposit 75000</code>",
        "💰 <b>Your balance: {balance}</b>\n\n🧾 Recent history:\n{history}\n\nTop up by QRIS (min {min}, max {max}) 👇\nOther amount: " +
            "<code>/deposit 75000</code>",
        "The balance screen", "balance", "history", "min", "max");
    public static readonly TextTemplate BalanceLine = new("balance.line",
        "{date} · {amount} · {kind}", "{date} · {amount} · {kind}", "A ledger line", "date", "amount", "kind");
    public static readonly TextTemplate PageOf = new("list.page", "<i>Halaman {page} dari {pages}</i>", "<i>Page {page} of {pages}</i>",
        "Under a paged list (balance history, my orders)", "page", "pages");
    public static readonly TextTemplate BalanceEmpty = new("balance.empty", "Belum ada riwayat.", "No history yet.", "No ledger entries");
    public static readonly TextTemplate KindDeposit = new("balance.kind.deposit", "Isi saldo", "Top-up", "Ledger kind");
    public static readonly TextTemplate KindPurchase = new("balance.kind.purchase", "Belanja", "Purchase", "Ledger kind");
    public static readonly TextTemplate KindRefund = new("balance.kind.refund", "Refund", "Refund", "Ledger kind");
    public static readonly TextTemplate KindLate = new("balance.kind.late", "Pembayaran terlambat", "Late payment", "Ledger kind");
    public static readonly TextTemplate KindAdmin = new("balance.kind.admin", "Penyesuaian admin", "Admin adjustment", "Ledger kind");
    public static readonly TextTemplate DepositLimits = new("deposit.limits",
        "⚠️ Nominal isi saldo minimal {min} dan maksimal {max}.", "⚠️ Top-ups must be between {min} and {max}.", "Top-up out of range",
            "min", "max");
    public static readonly TextTemplate DepositCaption = new("deposit.caption",
        "💰 <b>Isi Saldo {code}</b>\n\nNominal: {amount}\nBiaya layanan: {fee}\n💳 <b>Total bayar: {total}</b>\n\n⏰ Bayar sebelum " +
            "<b>{expires}</b>",
        "💰 <b>Top-up {code}</b>\n\nAmount: {amount}\nService fee: {fee}\n💳 <b>Total to pay: {total}</b>\n\n⏰ Pay before <b>{expires}</b>",
        "Caption of a deposit QR", "code", "amount", "fee", "total", "expires");
    public static readonly TextTemplate DepositCredited = new("deposit.credited",
        "✅ Saldo bertambah <b>{amount}</b>! Saldo sekarang <b>{balance}</b> 🎉",
            "✅ <b>{amount}</b> added! Your balance is now <b>{balance}</b> 🎉",
        "Deposit credited", "amount", "balance");
    public static readonly TextTemplate DepositPaid = new("deposit.paid",
        "✅ <b>LUNAS</b> — Isi saldo {code}", "✅ <b>PAID</b> — Top-up {code}", "Deposit QR after payment", "code");
    public static readonly TextTemplate DepositExpired = new("deposit.expired",
        "⌛ <b>Kedaluwarsa</b> — Isi saldo {code}", "⌛ <b>Expired</b> — Top-up {code}", "Deposit QR after expiry", "code");
    public static readonly TextTemplate OrdersView = new("orders.view",
        "📦 <b>Pesanan terakhir kamu</b>\n\n{lines}\n\nKetuk pesanan untuk detail 👇",
            "📦 <b>Your recent orders</b>\n\n{lines}\n\nTap an order for details 👇",
        "My orders", "lines");
    public static readonly TextTemplate OrdersLine = new("orders.line",
        "{icon} <b>{invoice}</b> · {total} · {date}", "{icon} <b>{invoice}</b> · {total} · {date}", "A line in my orders", "icon",
            "invoice", "total", "date");
    public static readonly TextTemplate OrdersEmpty = new("orders.empty",
        "📦 Kamu belum punya pesanan. Yuk mulai belanja 👇", "📦 You have no orders yet. Start shopping 👇", "No orders");
    public static readonly TextTemplate OrderDetail = new("orders.detail",
        "🧾 <b>{invoice}</b>\nStatus: {status}\nTanggal: {date}\n\n{lines}\n\n💳 Total: <b>{total}</b>",
        "🧾 <b>{invoice}</b>\nStatus: {status}\nDate: {date}\n\n{lines}\n\n💳 Total: <b>{total}</b>", "Order detail",
        "invoice", "status", "date", "lines", "total");
    public static readonly TextTemplate StatusPendingName =
        new("order.status.pending", "⏳ Menunggu pembayaran", "⏳ Awaiting payment", "Order status");
    public static readonly TextTemplate StatusPaidName = new("order.status.paid", "✅ Lunas", "✅ Paid", "Order status");
    public static readonly TextTemplate StatusExpiredName = new("order.status.expired", "⌛ Kedaluwarsa", "⌛ Expired", "Order status");
    public static readonly TextTemplate StatusCancelledName = new("order.status.cancelled", "❌ Dibatalkan", "❌ Cancelled", "Order status");
    public static readonly TextTemplate StatusRefundedName =
        new("order.status.refunded", "↩️ Dikembalikan ke saldo", "↩️ Refunded to balance", "Order status");
    public static readonly TextTemplate Resent =
        new("orders.resent", "📨 Barang dikirim ulang.", "📨 Items sent again.", "Toast after resend");
    public static readonly TextTemplate Help = new("help.text",
        "❓ <b>Cara order</b>\n1️⃣ Ketik /start lalu pilih kategori &amp; produk\n2️⃣ Atur jumlah, masukkan ke keranjang\n3️⃣ Checkout, " +
            "pilih QRIS atau Saldo\n4️⃣ Scan QR &amp; bayar — barang langsung dikirim otomatis ✨\n\n{contact}",
        "❓ <b>How to order</b>\n1️⃣ Type /start and pick a category &amp; product\n2️⃣ Choose the quantity and add it to your cart\n3️⃣ " +
            "Check out and pick QRIS or Balance\n4️⃣ Scan the QR &amp; pay — your items arrive automatically ✨\n\n{contact}",
        "Help", "contact");
    public static readonly TextTemplate HelpContact = new("help.contact",
        "💬 Butuh bantuan? Hubungi admin: @{username}", "💬 Need help? Contact the admin: @{username}", "Contact line in help", "username");
    public static readonly TextTemplate HelpNoContact = new("help.no_contact",
        "💬 Butuh bantuan? Admin akan segera membantu.", "💬 Need help? The admin will help you soon.", "Help without a contact username");

    public static readonly TextTemplate BtnAddToCart = new("button.add_to_cart", "➕ Tambah ke Keranjang", "➕ Add to cart", "Button");
    public static readonly TextTemplate BtnCart = new("button.cart", "🛒 Keranjang", "🛒 Cart", "Button");
    public static readonly TextTemplate BtnBack = new("button.back", "⬅️ Kembali", "⬅️ Back", "Button");
    public static readonly TextTemplate BtnCategories = new("button.categories", "🗂️ Kategori", "🗂️ Categories", "Button");
    public static readonly TextTemplate BtnCheckout = new("button.checkout", "✅ Checkout", "✅ Check out", "Button");
    public static readonly TextTemplate BtnClear = new("button.clear", "🗑️ Kosongkan", "🗑️ Empty cart", "Button");
    public static readonly TextTemplate BtnVoucher = new("button.voucher", "🎟️ Voucher", "🎟️ Voucher", "Button");
    public static readonly TextTemplate BtnRemoveVoucher = new("button.remove_voucher", "❌ Hapus Voucher", "❌ Remove voucher", "Button");
    public static readonly TextTemplate BtnPayQris = new("button.pay_qris", "📱 Bayar QRIS", "📱 Pay by QRIS", "Button");
    public static readonly TextTemplate BtnPayBalance = new("button.pay_balance", "💰 Bayar pakai Saldo", "💰 Pay from balance", "Button");
    public static readonly TextTemplate BtnCheckStatus = new("button.check_status", "🔄 Cek Status", "🔄 Check status", "Button");
    public static readonly TextTemplate BtnCancel = new("button.cancel", "❌ Batalkan", "❌ Cancel", "Button");
    public static readonly TextTemplate BtnPaymentPage = new("button.payment_page", "🌐 Halaman Bayar", "🌐 Payment page", "Button");
    public static readonly TextTemplate BtnResend = new("button.resend", "📨 Kirim Ulang Barang", "📨 Send my items again", "Button");
    public static readonly TextTemplate BtnMyOrders = new("button.my_orders", "📦 Pesanan Saya", "📦 My orders", "Button");
}
