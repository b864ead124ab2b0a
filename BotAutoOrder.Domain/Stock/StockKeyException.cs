namespace BotAutoOrder.Domain.Stock;

/// <summary>The stock cannot be sealed or opened with the configured keys; the message names <c>Stock:EncryptionKey</c>.</summary>
public sealed class StockKeyException(string message) : Exception(message);
