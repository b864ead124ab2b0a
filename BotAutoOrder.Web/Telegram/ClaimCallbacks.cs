namespace BotAutoOrder.Web.Telegram;

/// <summary>The <c>callback_data</c> of the warranty claim buttons (same <c>verb:arg</c> shape as <see cref="CallbackData"/>).</summary>
public static class ClaimCallbacks
{
    public const string ItemsVerb = "wc";
    public const string PickVerb = "wci";
    public const string SkipVerb = "wcs";
    public const string CancelVerb = "wcx";

    public static string Items(long orderId) => $"{ItemsVerb}:{orderId}";
    public static string Pick(long orderId, long stockItemId) => $"{PickVerb}:{orderId}:{stockItemId}";
    public static string Skip(long claimId) => $"{SkipVerb}:{claimId}";
    public static string Cancel(long claimId) => $"{CancelVerb}:{claimId}";
}
