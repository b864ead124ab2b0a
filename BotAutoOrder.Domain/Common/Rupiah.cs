using System.Globalization;

namespace BotAutoOrder.Domain.Common;

/// <summary>Money is whole Rupiah in a <see cref="long"/>; this formats it the way Indonesians read it.</summary>
public static class Rupiah
{
    private static readonly NumberFormatInfo Format = new() { NumberGroupSeparator = ".", NumberDecimalDigits = 0 };

    /// <summary><c>25000</c> → <c>Rp 25.000</c>.</summary>
    public static string Display(long amount) =>
        amount < 0 ? "-Rp " + (-amount).ToString("N0", Format) : "Rp " + amount.ToString("N0", Format);
}
