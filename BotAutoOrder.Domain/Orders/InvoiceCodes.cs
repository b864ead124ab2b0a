using System.Security.Cryptography;

namespace BotAutoOrder.Domain.Orders;

/// <summary>Our order ids at the gateway: <c>INV-…</c> for purchases, <c>DEP-…</c> for deposits; random, never reused.</summary>
public static class InvoiceCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewInvoice(DateTime nowUtc) => $"INV-{nowUtc:yyMMdd}-{Random(6)}";

    public static string NewDeposit(DateTime nowUtc) => $"DEP-{nowUtc:yyMMdd}-{Random(6)}";

    private static string Random(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
