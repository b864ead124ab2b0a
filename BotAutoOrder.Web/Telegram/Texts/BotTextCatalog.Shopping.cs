namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>Catalog, cart, checkout and invoice texts.</summary>
public static partial class BotTextCatalog
{
    public static readonly TextTemplate CategoryHeader = new("catalog.category",
        "🛍️ <b>{category}</b>\nPilih produk ({page}/{pages}):", "🛍️ <b>{category}</b>\nChoose a product ({page}/{pages}):",
        "Above a category's product buttons", "category", "page", "pages");
    public static readonly TextTemplate CategoryEmpty = new("catalog.category_empty",
        "😴 Belum ada produk di kategori ini.", "😴 No products in this category yet.", "A category without products");
    public static readonly TextTemplate ProductDetail = new("catalog.product",
        "📦 <b>{name}</b>\n{description}\n💰 Harga: <b>{price}</b>\n📊 Stok: <b>{stock}</b> · ✅ Terjual: " +
            "<b>{sold}</b>{limit}{warranty}{rating}\n\n🧮 Jumlah: <b>{quantity}</b> → <b>{subtotal}</b>",
        "📦 <b>{name}</b>\n{description}\n💰 Price: <b>{price}</b>\n📊 Stock: <b>{stock}</b> · ✅ Sold: " +
            "<b>{sold}</b>{limit}{warranty}{rating}\n\n🧮 Quantity: <b>{quantity}</b> → <b>{subtotal}</b>",
        "Product detail with the quantity stepper", "name", "description", "price", "stock", "sold", "limit", "quantity", "subtotal",
            "warranty", "rating");
    public static readonly TextTemplate ProductLimit = new("catalog.product_limit",
        "\n🔒 Maks. {limit} per pesanan", "\n🔒 Max. {limit} per order", "Per-order limit line", "limit");
    public static readonly TextTemplate ProductSoldOut = new("catalog.sold_out",
        "📦 <b>{name}</b>\n{description}\n💰 Harga: <b>{price}</b>\n\n😢 <b>Stok habis.</b> Tekan 🔔 untuk dikabari saat tersedia lagi!",
        "📦 <b>{name}</b>\n{description}\n💰 Price: <b>{price}</b>\n\n😢 <b>Sold out.</b> Press 🔔 to be told when it's back!",
        "Detail of a sold-out product", "name", "description", "price");
    public static readonly TextTemplate ProductGone = new("catalog.product_gone",
        "😢 Produk ini sudah tidak tersedia.", "😢 This product is no longer available.", "Stale product button");
    public static readonly TextTemplate AddedToCart = new("cart.added",
        "✅ {quantity}× {name} masuk keranjang", "✅ {quantity}× {name} added to cart", "Toast after adding", "quantity", "name");
    public static readonly TextTemplate TooMany = new("cart.too_many",
        "⚠️ Maksimal {max} untuk produk ini.", "⚠️ At most {max} of this product.", "Toast when over stock or limit", "max");
    public static readonly TextTemplate CartView = new("cart.view",
        "🛒 <b>Keranjang kamu</b>\n\n{lines}\n\nSubtotal: <b>{subtotal}</b>{discount}\n💳 Total: <b>{total}</b>",
        "🛒 <b>Your cart</b>\n\n{lines}\n\nSubtotal: <b>{subtotal}</b>{discount}\n💳 Total: <b>{total}</b>",
        "The cart", "lines", "subtotal", "discount", "total");
    public static readonly TextTemplate CartLine = new("cart.line",
        "• {name} × {quantity} = {line_total}", "• {name} × {quantity} = {line_total}", "A cart line", "name", "quantity", "line_total");
    public static readonly TextTemplate CartLineProblem = new("cart.line_problem",
        "  ⚠️ stok tersisa {available}", "  ⚠️ only {available} left", "Under a line that cannot be bought as is", "available");
    public static readonly TextTemplate CartDiscount = new("cart.discount",
        "\n🎟️ Voucher <b>{code}</b>: -{discount}", "\n🎟️ Voucher <b>{code}</b>: -{discount}", "Discount line", "code", "discount");
    public static readonly TextTemplate CartEmpty = new("cart.empty",
        "🛒 Keranjang kamu masih kosong. Yuk pilih produk dulu 👇", "🛒 Your cart is empty. Pick a product first 👇", "Empty cart");
    public static readonly TextTemplate VoucherPrompt = new("voucher.prompt",
        "🎟️ Kirim kode voucher dengan format:\n<code>/voucher KODE</code>",
            "🎟️ Send your voucher code like this:\n<code>/voucher CODE</code>",
        "How to enter a voucher");
    public static readonly TextTemplate VoucherApplied = new("voucher.applied",
        "🎟️ Voucher <b>{code}</b> dipakai — hemat <b>{discount}</b>!", "🎟️ Voucher <b>{code}</b> applied — you save <b>{discount}</b>!",
        "Voucher accepted", "code", "discount");
    public static readonly TextTemplate VoucherRejected = new("voucher.rejected",
        "🎟️ Voucher tidak bisa dipakai: {reason}", "🎟️ The voucher can't be used: {reason}", "Voucher refused", "reason");
    public static readonly TextTemplate ChoosePayment = new("checkout.choose",
        "💳 Total: <b>{total}</b>\n💰 Saldo kamu: {balance}\n\nPilih cara bayar:",
            "💳 Total: <b>{total}</b>\n💰 Your balance: {balance}\n\nChoose how to pay:",
        "Payment method choice", "total", "balance");
    public static readonly TextTemplate CheckoutOutOfStock = new("checkout.out_of_stock",
        "😢 Maaf, stok <b>{product}</b> tidak cukup lagi. Cek keranjang kamu ya.",
            "😢 Sorry, there is not enough <b>{product}</b> left. Please check your cart.",
        "Stock ran out at checkout", "product");
    public static readonly TextTemplate CheckoutLimit = new("checkout.limit",
        "⚠️ <b>{product}</b> melebihi batas per pesanan.", "⚠️ <b>{product}</b> is over the per-order limit.", "Over the limit at checkout",
            "product");
    public static readonly TextTemplate CheckoutInsufficient = new("checkout.insufficient",
        "💸 Saldo kurang: saldo <b>{balance}</b>, total <b>{total}</b>. Isi saldo dulu atau bayar pakai QRIS ya.",
        "💸 Not enough balance: you have <b>{balance}</b>, the total is <b>{total}</b>. Top up or pay by QRIS.",
        "Balance too low", "balance", "total");
    public static readonly TextTemplate CheckoutGatewayFailed = new("checkout.gateway_failed",
        "😵 Gagal membuat tagihan QRIS (payment gateway sedang gangguan). Stok sudah dikembalikan — coba lagi sebentar lagi ya.",
        "😵 Could not create the QRIS invoice (the payment gateway is having trouble). Your items were released — please try again shortly.",
        "Gateway failure at checkout");
    public static readonly TextTemplate PaidWithBalance = new("checkout.paid_balance",
        "✅ Bayar pakai saldo berhasil! Invoice <b>{invoice}</b>. Barang dikirim sebentar lagi 👇",
        "✅ Paid from your balance! Invoice <b>{invoice}</b>. Your items are on the way 👇", "Balance payment done", "invoice");
    public static readonly TextTemplate InvoiceCaption = new("invoice.caption",
        "🧾 <b>Invoice {invoice}</b>\n\n{lines}\n\nSubtotal: {subtotal}{discount}\nBiaya layanan: {fee}\n💳 <b>Total bayar: " +
            "{total}</b>\n\n⏰ Bayar sebelum <b>{expires}</b>\nScan QRIS di atas pakai e-wallet / m-banking apa saja.",
        "🧾 <b>Invoice {invoice}</b>\n\n{lines}\n\nSubtotal: {subtotal}{discount}\nService fee: {fee}\n💳 <b>Total to pay: " +
            "{total}</b>\n\n⏰ Pay before <b>{expires}</b>\nScan the QRIS above with any e-wallet or banking app.",
        "Caption of the QR photo", "invoice", "lines", "subtotal", "discount", "fee", "total", "expires");
    public static readonly TextTemplate InvoicePaid = new("invoice.paid",
        "✅ <b>LUNAS</b> — Invoice {invoice}\nTerima kasih! Barang sudah dikirim 👇",
            "✅ <b>PAID</b> — Invoice {invoice}\nThank you! Your items were sent 👇",
        "QR message after payment", "invoice");
    public static readonly TextTemplate InvoiceExpired = new("invoice.expired",
        "⌛ <b>Kedaluwarsa</b> — Invoice {invoice}\nTagihan ini sudah tidak berlaku. Silakan checkout ulang ya.",
        "⌛ <b>Expired</b> — Invoice {invoice}\nThis invoice is no longer valid. Please check out again.", "QR message after expiry",
            "invoice");
    public static readonly TextTemplate InvoiceCancelled = new("invoice.cancelled",
        "❌ <b>Dibatalkan</b> — Invoice {invoice}", "❌ <b>Cancelled</b> — Invoice {invoice}", "QR message after cancel", "invoice");
    public static readonly TextTemplate StatusPending = new("invoice.status_pending",
        "⏳ Belum ada pembayaran masuk. Sudah bayar? Tunggu sebentar lalu cek lagi ya.",
        "⏳ No payment yet. Already paid? Wait a moment and check again.", "Toast: still unpaid");
    public static readonly TextTemplate StatusPaid = new("invoice.status_paid",
        "✅ Pembayaran diterima!", "✅ Payment received!", "Toast: paid");
    public static readonly TextTemplate StatusUnavailable = new("invoice.status_unavailable",
        "😵 Gateway belum bisa dicek. Coba lagi sebentar lagi.", "😵 Can't reach the gateway right now. Try again shortly.",
            "Toast: gateway down");
    public static readonly TextTemplate OrderCancelledToast = new("invoice.cancelled_toast",
        "❌ Pesanan dibatalkan.", "❌ Order cancelled.", "Toast after cancel");
    public static readonly TextTemplate DeliveryHeader = new("delivery.header",
        "🎉 <b>Pembayaran diterima!</b>\nInvoice <b>{invoice}</b> — ini pesananmu:",
            "🎉 <b>Payment received!</b>\nInvoice <b>{invoice}</b> — here is your order:",
        "Top of the delivery", "invoice");
    public static readonly TextTemplate DeliveryProduct = new("delivery.product",
        "\n📦 <b>{name}</b> × {quantity}\n{items}", "\n📦 <b>{name}</b> × {quantity}\n{items}", "One product in the delivery", "name",
            "quantity", "items");
    public static readonly TextTemplate DeliveryFooter = new("delivery.footer",
        "\n🙏 Terima kasih sudah belanja di {store}! Simpan data ini baik-baik ya.", "\n🙏 Thanks for shopping at {store}! Keep this safe.",
        "Bottom of the delivery", "store");
    public static readonly TextTemplate DeliveryDocument = new("delivery.document",
        "🎉 Pesanan <b>{invoice}</b> ({count} item) ada di file terlampir 📎",
            "🎉 Order <b>{invoice}</b> ({count} items) is in the attached file 📎",
        "Caption when the delivery is a file", "invoice", "count");
    public static readonly TextTemplate LateCredited = new("late.credited",
        "💰 Pembayaran untuk <b>{invoice}</b> masuk setelah tagihan kedaluwarsa dan stoknya sudah habis. <b>{amount}</b> sudah masuk ke " +
            "saldo kamu — bisa dipakai belanja kapan saja 🙏",
        "💰 Your payment for <b>{invoice}</b> arrived after the invoice expired and the stock was gone. <b>{amount}</b> was added to your " +
            "balance — use it any time 🙏",
        "Late payment credited", "invoice", "amount");
    public static readonly TextTemplate PaidTwiceCredited = new("late.paid_twice",
        "💰 Pembayaran QRIS untuk <b>{invoice}</b> masuk, padahal pesanan ini sudah lunas dengan cara lain. <b>{amount}</b> sudah masuk " +
            "ke saldo kamu — bisa dipakai belanja kapan saja 🙏",
        "💰 A QRIS payment for <b>{invoice}</b> arrived although the order was already settled another way. <b>{amount}</b> was added to " +
            "your balance — use it any time 🙏",
        "Payment for an order already paid, credited", "invoice", "amount");
    public static readonly TextTemplate Refunded = new("order.refunded",
        "↩️ Pesanan <b>{invoice}</b> dikembalikan: <b>{amount}</b> sudah masuk ke saldo kamu.",
        "↩️ Order <b>{invoice}</b> was refunded: <b>{amount}</b> was added to your balance.", "Refund to balance", "invoice", "amount");
}
