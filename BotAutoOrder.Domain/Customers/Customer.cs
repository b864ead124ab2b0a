namespace BotAutoOrder.Domain.Customers;

/// <summary>A buyer, known by the Telegram user id. The balance is the sum of the ledger entries (kept in step atomically).</summary>
public class Customer
{
    private Customer() { }

    public Customer(long telegramUserId, string firstName, string? lastName, string? username, string? languageCode, DateTime nowUtc)
    {
        TelegramUserId = telegramUserId;
        CreatedAtUtc = nowUtc;
        UpdateProfile(firstName, lastName, username, languageCode, nowUtc);
    }

    public long Id { get; private set; }
    public long TelegramUserId { get; private set; }
    public string FirstName { get; private set; } = "";
    public string? LastName { get; private set; }
    public string? Username { get; private set; }
    public string? LanguageCode { get; private set; }
    /// <summary>Blocked by an admin: the bot refuses to sell to this buyer.</summary>
    public bool IsBlocked { get; private set; }
    /// <summary>The buyer blocked the bot (403 or <c>my_chat_member</c> kicked): we stop messaging.</summary>
    public bool IsUnreachable { get; private set; }
    /// <summary>Current balance in Rupiah; changed only together with a <see cref="Balances.BalanceEntry"/>.</summary>
    public long Balance { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime LastSeenAtUtc { get; private set; }

    public string DisplayName => string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";

    public void UpdateProfile(string firstName, string? lastName, string? username, string? languageCode, DateTime nowUtc)
    {
        FirstName = string.IsNullOrWhiteSpace(firstName) ? "Kak" : firstName.Trim();
        LastName = string.IsNullOrWhiteSpace(lastName) ? null : lastName.Trim();
        Username = string.IsNullOrWhiteSpace(username) ? null : username.Trim();
        LanguageCode = string.IsNullOrWhiteSpace(languageCode) ? null : languageCode.Trim();
        LastSeenAtUtc = nowUtc;
        IsUnreachable = false; // they talked to us, so they can be reached again
    }

    public void Block() => IsBlocked = true;
    public void Unblock() => IsBlocked = false;
    public void MarkUnreachable() => IsUnreachable = true;
}
