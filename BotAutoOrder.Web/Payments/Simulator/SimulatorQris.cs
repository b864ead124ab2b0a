using System.Globalization;
using System.Text;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>
/// Fee and payload the way the real gateway makes them, so the simulator looks like Pakasir to the shop:
/// QRIS fee 0.7% + Rp310 up to Rp105.000, 1% above, rounded up; a fake but well-formed EMV QRIS string.
/// </summary>
internal static class SimulatorQris
{
    public const long FlatFeeLimit = 105_000;

    public static long Fee(long amount) =>
        amount <= FlatFeeLimit ? CeilDiv(amount * 7, 1000) + 310 : CeilDiv(amount, 100);

    /// <summary>An EMV-style dynamic QRIS payload (tag-length-value, CRC16 at the end) carrying the order id.</summary>
    public static string Payload(string orderId, long total)
    {
        var bill = orderId.Length > 25 ? orderId[..25] : orderId;
        var sb = new StringBuilder();
        sb.Append(Tlv("00", "01")).Append(Tlv("01", "12"))
            .Append(Tlv("26", Tlv("00", "ID.CO.PAKASIR.SIMULATOR") + Tlv("01", "936000000000000000")))
            .Append(Tlv("52", "5999")).Append(Tlv("53", "360"))
            .Append(Tlv("54", total.ToString(CultureInfo.InvariantCulture)))
            .Append(Tlv("58", "ID")).Append(Tlv("59", "PAKASIR SIMULATOR")).Append(Tlv("60", "JAKARTA"))
            .Append(Tlv("62", Tlv("01", bill)))
            .Append("6304");
        return sb.Append(Crc16(sb.ToString()).ToString("X4", CultureInfo.InvariantCulture)).ToString();
    }

    private static string Tlv(string tag, string value) => tag + value.Length.ToString("D2", CultureInfo.InvariantCulture) + value;

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    /// <summary>CRC-16/CCITT-FALSE, as QRIS uses.</summary>
    private static ushort Crc16(string text)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.ASCII.GetBytes(text))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }
}
