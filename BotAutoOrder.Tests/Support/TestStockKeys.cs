using BotAutoOrder.Domain.Stock;

namespace BotAutoOrder.Tests.Support;

/// <summary>The stock key every test app gets by default (<c>Stock:EncryptionKey</c>), and ciphers for seeding without an app.</summary>
public static class TestStockKeys
{
    public const string Key = "Ur4Ku0ppInHHxO6WJZ7/j8iEqriDq0l8Nh7yICOx5g0=";
    public const string OtherKey = "pEtxq8sOOklJ0/1wmYvpFz/cOmmpUkKNgEruNemxzcA=";

    /// <summary>A cipher holding <see cref="Key"/>: what a test app with the default settings uses.</summary>
    public static StockCipher Cipher { get; } = Create(Key);

    public static StockCipher Create(string current, params string[] previous)
    {
        var cipher = new StockCipher();
        cipher.Load(Parse(current), previous.Select(Parse));
        return cipher;
    }

    public static string KeyId(string key) => Parse(key).Id;

    private static StockKey Parse(string key) =>
        StockKey.TryParse(key, out var parsed, out var problem) ? parsed! : throw new ArgumentException(problem, nameof(key));
}
