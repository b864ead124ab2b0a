using System.Buffers.Text;
using System.Globalization;
using BotAutoOrder.Domain.Messaging;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// The <c>callback_data</c> of every inline button (at most 64 bytes): <c>verb:arg:arg</c>.
/// Parsing never throws: anything unknown or malformed is a stale button.
/// </summary>
public static class CallbackData
{
    public const string CategoryVerb = "cat";
    public const string Categories = "cats";
    public const string ProductVerb = "p";
    public const string AddVerb = "add";
    public const string Cart = "cart";
    public const string CartQuantityVerb = "cq";
    public const string ClearCart = "cclr";
    public const string Voucher = "vch";
    public const string RemoveVoucher = "vdel";
    public const string Checkout = "co";
    public const string PayVerb = "pay";
    public const string StatusVerb = "st";
    public const string CancelVerb = "cx";
    public const string OrderVerb = "ord";
    public const string Orders = "ords";
    public const string ResendVerb = "rs";
    public const string Balance = "bal";
    public const string DepositVerb = "dep";
    public const string DepositStatusVerb = "dst";
    public const string TermsVerb = "snk";
    public const string ReplaceProofVerb = "snkr";
    public const string Noop = "noop";
    public const string RestockVerb = "rst";
    public const string SearchVerb = "sq";
    public const string ReviewVerb = "rv";
    public const string SkipReview = "rvs";

    public static string Category(long categoryId, int page = 0) => Join(CategoryVerb, categoryId, page);
    public static string Product(long productId, int quantity) => Join(ProductVerb, productId, quantity);
    public static string AddToCart(long productId, int quantity) => Join(AddVerb, productId, quantity);
    public static string CartQuantity(long productId, int quantity) => Join(CartQuantityVerb, productId, quantity);
    public static string Pay(string method) => PayVerb + ":" + method;
    public static string Status(long orderId) => Join(StatusVerb, orderId);
    public static string Cancel(long orderId) => Join(CancelVerb, orderId);
    public static string Order(long orderId) => Join(OrderVerb, orderId);
    public static string Resend(long orderId) => Join(ResendVerb, orderId);
    /// <summary>A page of my orders / of the balance history; page 0 is the plain verb (old buttons keep working).</summary>
    public static string OrdersPage(int page) => page == 0 ? Orders : Join(Orders, page);
    public static string BalancePage(int page) => page == 0 ? Balance : Join(Balance, page);
    public static string Deposit(long amount) => Join(DepositVerb, amount);
    public static string DepositStatus(long depositId) => Join(DepositStatusVerb, depositId);
    public static string Terms(long orderId, long productId) => Join(TermsVerb, orderId, productId);
    public static string ReplaceProof(long proofId) => Join(ReplaceProofVerb, proofId);

    public static string Restock(long productId) => Join(RestockVerb, productId);
    public static string Review(long orderId, long productId, int stars) => Join(ReviewVerb, orderId, productId, stars);

    /// <summary>
    /// A page of search results: the query travels base64url-encoded (no ':' to split on), cut to
    /// <see cref="MaxSearchBytes"/> UTF-8 bytes so the whole stays within 64 bytes.
    /// </summary>
    public static string Search(string query, int page) =>
        SearchVerb + ":" + page.ToString(CultureInfo.InvariantCulture) + ":" + Base64Url.EncodeToString(SearchBytes(query));

    public const int MaxSearchBytes = 40;

    public static bool TrySearch(string[] args, out string query, out int page)
    {
        query = "";
        if (!TryInt(args, 0, out page) || args.Length != 2) return false;
        try
        {
            query = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(args[1]));
        }
        catch (FormatException)
        {
            return false;
        }
        return query.Length > 0;
    }

    /// <summary>The query's UTF-8 bytes, cut at a character boundary to <see cref="MaxSearchBytes"/>.</summary>
    public static byte[] SearchBytes(string query)
    {
        var text = query;
        while (System.Text.Encoding.UTF8.GetByteCount(text) > MaxSearchBytes) text =
            text[..^(char.IsLowSurrogate(text[^1]) && text.Length > 1 ? 2 : 1)];
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    public static (string Verb, string[] Args) Parse(string? data)
    {
        if (string.IsNullOrEmpty(data) || data.Length > TelegramLimits.CallbackDataBytes) return ("", []);
        var parts = data.Split(':');
        return (parts[0], parts[1..]);
    }

    public static bool TryLong(string[] args, int index, out long value)
    {
        value = 0;
        return args.Length > index && long.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryInt(string[] args, int index, out int value)
    {
        value = 0;
        return args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value is >= 0 and <= 1_000_000;
    }

    private static string Join(string verb, params long[] args) =>
        verb + ":" + string.Join(':', args.Select(a => a.ToString(CultureInfo.InvariantCulture)));
}
