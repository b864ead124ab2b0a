using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Telegram.Messages;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>Balance with history and QRIS top-ups; my orders, detail and "resend my items"; help.</summary>
public sealed class AccountScreen(BalanceService balances, DepositService deposits, BuyerOrderService orders, PaymentConfirmer confirmer,
    SettingsService settings, IOptions<PakasirOptions> pakasir, Buttons buttons, ScreenSender screens, QrSender qr, StoreTime time,
    ClaimScreen claims)
{
    private static readonly long[] Presets = [10_000, 25_000, 50_000, 100_000, 250_000];
    public const int HistoryPageSize = 5;
    public const int OrdersPageSize = 10;

    public async Task ShowBalanceAsync(BuyerContext buyer, int page, CancellationToken ct)
    {
        var rules = await settings.GetAsync(ct);
        var history = new StringBuilder();
        var entries = await balances.HistoryPageAsync(buyer.Customer.Id, page, HistoryPageSize, ct);
        foreach (var e in entries.Items)
            history.AppendLine(await buyer.Text(BotTextCatalog.BalanceLine, ("date", time.Short(e.CreatedAtUtc)),
                ("amount", (e.Amount > 0 ? "+" : "") + Rupiah.Display(e.Amount)), ("kind", await KindAsync(buyer, e.Kind))));
        if (history.Length == 0) history.Append(await buyer.Text(BotTextCatalog.BalanceEmpty));
        else if (entries.PageCount > 1) history.Append(await PageOfAsync(buyer, entries.PageIndex, entries.PageCount));
        var balance = await balances.BalanceOfAsync(buyer.Customer.Id, ct);
        var text = await buyer.Text(BotTextCatalog.BalanceView, ("balance", Rupiah.Display(balance)),
            ("history", new TgHtml(history.ToString().TrimEnd())), ("min", Rupiah.Display(rules.DepositMin)),
                ("max", Rupiah.Display(rules.DepositMax)));
        var presets = Presets.Where(p => p >= rules.DepositMin && p <= rules.DepositMax)
            .Select(p => InlineKeyboardButton.WithCallbackData("💵 " + Rupiah.Display(p), CallbackData.Deposit(p))).Chunk(2).ToList();
        if (Navigation(entries.HasPrevious, entries.HasNext, entries.PageIndex, CallbackData.BalancePage) is { } nav) presets.Add(nav);
        await screens.ShowAsync(buyer, text, new InlineKeyboardMarkup(presets), ct);
    }

    public async Task StartDepositAsync(BuyerContext buyer, long amount, CancellationToken ct)
    {
        await buyer.AnswerAsync("⏳");
        var result = await deposits.StartAsync(buyer.Customer.Id, amount, pakasir.Value.Method, ct);
        if (result.Outcome != DepositOutcome.Created)
        {
            var template = result.Outcome == DepositOutcome.Blocked ? BotTextCatalog.Blocked : BotTextCatalog.DepositLimits;
            await screens.ShowAsync(buyer, await buyer.Text(template,
                ("min", Rupiah.Display(result.Min)), ("max", Rupiah.Display(result.Max))), null, ct, newMessage: true);
            return;
        }
        if (await deposits.OpenInvoiceAsync(result, ct) is not { } invoice)
        {
            await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.CheckoutGatewayFailed), null, ct, newMessage: true);
            return;
        }
        var (deposit, payment) = invoice;
        var caption = await buyer.Text(BotTextCatalog.DepositCaption, ("code", deposit.Code), ("amount", Rupiah.Display(deposit.Amount)),
            ("fee", Rupiah.Display(payment.Fee)), ("total", Rupiah.Display(payment.TotalPayment)),
                ("expires", time.Long(deposit.ExpiresAtUtc)));
        var keyboard = new InlineKeyboardMarkup(await buttons.Callback(BotTextCatalog.BtnCheckStatus, buyer.Lang,
            CallbackData.DepositStatus(deposit.Id), ct));
        var messageId = await qr.SendAsync(buyer.ChatId, payment.QrString ?? deposit.Code, caption, keyboard, ct);
        await deposits.AttachQrMessageAsync(deposit.Id, buyer.ChatId, messageId, ct);
    }

    public async Task DepositStatusAsync(BuyerContext buyer, long depositId, CancellationToken ct)
    {
        var deposit = await deposits.FindAsync(buyer.Customer.Id, depositId, ct);
        if (deposit is null) { await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton)); return; }
        var paid = deposit.Status == DepositStatus.Paid
                   || (await confirmer.ConfirmAsync(deposit.Code, AuditLog.Buyer(buyer.Customer.TelegramUserId),
                       ct)).Status == ConfirmationStatus.Applied;
        await buyer.AnswerAsync(await buyer.Text(paid ? BotTextCatalog.StatusPaid : BotTextCatalog.StatusPending), alert: !paid);
    }

    public async Task ShowOrdersAsync(BuyerContext buyer, int page, CancellationToken ct)
    {
        var mine = await orders.PageAsync(buyer.Customer.Id, page, OrdersPageSize, ct);
        if (mine.Items.Count == 0)
        {
            await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.OrdersEmpty), null, ct);
            return;
        }
        var lines = new StringBuilder();
        foreach (var o in mine.Items)
            lines.AppendLine(await buyer.Text(BotTextCatalog.OrdersLine, ("icon", Icon(o.Status)), ("invoice", o.InvoiceCode),
                ("total", Rupiah.Display(o.Total)), ("date", time.Short(o.CreatedAtUtc))));
        if (mine.PageCount > 1) lines.Append(await PageOfAsync(buyer, mine.PageIndex, mine.PageCount));
        var rows = mine.Items.Select(o =>
            new[] { InlineKeyboardButton.WithCallbackData($"{Icon(o.Status)} {o.InvoiceCode}", CallbackData.Order(o.Id)) }).ToList();
        if (Navigation(mine.HasPrevious, mine.HasNext, mine.PageIndex, CallbackData.OrdersPage) is { } nav) rows.Add(nav);
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.OrdersView, ("lines", new TgHtml(lines.ToString().TrimEnd()))),
            new InlineKeyboardMarkup(rows), ct);
    }

    public async Task ShowOrderAsync(BuyerContext buyer, long orderId, CancellationToken ct)
    {
        var order = await orders.DetailAsync(buyer.Customer.Id, orderId, ct);
        if (order is null) { await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton)); return; }
        var lines = new StringBuilder();
        foreach (var l in order.Lines)
            lines.AppendLine(await buyer.Text(BotTextCatalog.CartLine, ("name", l.ProductName), ("quantity", l.Quantity),
                ("line_total", Rupiah.Display(l.LineTotal))));
        var text = await buyer.Text(BotTextCatalog.OrderDetail, ("invoice", order.InvoiceCode),
            ("status", await buyer.Text(StatusName(order.Status))), ("date", time.Long(order.CreatedAtUtc)),
            ("lines", new TgHtml(lines.ToString().TrimEnd())), ("total", Rupiah.Display(order.Total)));
        var rows = new List<InlineKeyboardButton[]>();
        if (order.Status == OrderStatus.Paid) rows.Add([await buttons.Callback(BotTextCatalog.BtnResend, buyer.Lang,
            CallbackData.Resend(order.Id), ct)]);
        if (await claims.OrderButtonAsync(buyer, order, ct) is { } claim) rows.Add([claim]);
        if (order.Status == OrderStatus.PendingPayment) rows.Add([await buttons.Callback(BotTextCatalog.BtnCheckStatus, buyer.Lang,
            CallbackData.Status(order.Id), ct)]);
        rows.Add([await buttons.Callback(BotTextCatalog.BtnMyOrders, buyer.Lang, CallbackData.Orders, ct)]);
        await screens.ShowAsync(buyer, text, new InlineKeyboardMarkup(rows), ct);
    }

    /// <summary>Queues the delivery again for a paid order of this buyer.</summary>
    public async Task ResendAsync(BuyerContext buyer, long orderId, CancellationToken ct)
    {
        if (!await orders.ResendAsync(buyer.Customer.Id, orderId, buyer.ChatId, ct))
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
            return;
        }
        await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.Resent));
    }

    public async Task ShowHelpAsync(BuyerContext buyer, CancellationToken ct)
    {
        var username = (await settings.GetAsync(ct)).ContactUsername.TrimStart('@');
        var contact = string.IsNullOrWhiteSpace(username)
            ? await buyer.Text(BotTextCatalog.HelpNoContact)
            : await buyer.Text(BotTextCatalog.HelpContact, ("username", username));
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.Help, ("contact", new TgHtml(contact))), null, ct, newMessage: true);
    }

    private static async Task<string> PageOfAsync(BuyerContext buyer, int page, int pages) =>
        "\n" + await buyer.Text(BotTextCatalog.PageOf, ("page", page + 1), ("pages", pages));

    /// <summary>The ⬅️ ➡️ row under a paged list (as in a category), or null on a single page.</summary>
    private static InlineKeyboardButton[]? Navigation(bool hasPrevious, bool hasNext, int page, Func<int, string> pageData)
    {
        var nav = new List<InlineKeyboardButton>();
        if (hasPrevious) nav.Add(InlineKeyboardButton.WithCallbackData("⬅️", pageData(page - 1)));
        if (hasNext) nav.Add(InlineKeyboardButton.WithCallbackData("➡️", pageData(page + 1)));
        return nav.Count > 0 ? nav.ToArray() : null;
    }

    public static string Icon(OrderStatus status) => status switch
    {
        OrderStatus.Paid => "✅", OrderStatus.PendingPayment => "⏳", OrderStatus.Expired => "⌛", OrderStatus.Refunded => "↩️", _ => "❌",
    };

    private static TextTemplate StatusName(OrderStatus status) => status switch
    {
        OrderStatus.Paid => BotTextCatalog.StatusPaidName, OrderStatus.PendingPayment => BotTextCatalog.StatusPendingName,
        OrderStatus.Expired => BotTextCatalog.StatusExpiredName, OrderStatus.Refunded => BotTextCatalog.StatusRefundedName,
        _ => BotTextCatalog.StatusCancelledName,
    };

    private static Task<string> KindAsync(BuyerContext buyer, BalanceEntryKind kind) => buyer.Text(kind switch
    {
        BalanceEntryKind.Deposit => BotTextCatalog.KindDeposit, BalanceEntryKind.Purchase => BotTextCatalog.KindPurchase,
        BalanceEntryKind.Refund => BotTextCatalog.KindRefund, BalanceEntryKind.LatePaymentCredit => BotTextCatalog.KindLate,
        _ => BotTextCatalog.KindAdmin,
    });
}
