using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Cli;

/// <summary>
/// <c>new-stock-key</c> prints a fresh key; <c>rotate-stock-key</c> re-seals every stock item under
/// <c>Stock:EncryptionKey</c>, reading old items with <c>Stock:PreviousEncryptionKey</c>. Batches commit one by one, so
/// Ctrl+C (or a crash) loses at most one batch and running the command again resumes (ADR-011).
/// </summary>
public static class StockKeyJobs
{
    public static async Task<int> NewKeyAsync(CliContext cli)
    {
        await cli.Out.WriteLineAsync(StockKey.Generate());
        return 0;
    }

    public static async Task<int> RotateAsync(CliContext cli)
    {
        await cli.Services.PrepareStockEncryptionAsync(cli.Ct);
        var cipher = cli.Services.GetRequiredService<StockCipher>();
        var batchSize = cli.Services.GetRequiredService<IOptions<StockOptions>>().Value.RotationBatchSize;
        var rotation = cli.Services.GetRequiredService<StockKeyRotation>();
        var remaining = await rotation.RemainingAsync(cli.Ct);
        await cli.Out.WriteLineAsync($"{remaining} stock item(s) to re-encrypt under key {cipher.CurrentKeyId}, {batchSize} per batch.");
        try
        {
            var done = await rotation.RunAsync(batchSize, plainOnly: false,
                (count, ct) => cli.Out.WriteLineAsync($"  {count} re-encrypted"), cli.Ct);
            await cli.Out.WriteLineAsync($"Done: {done} item(s) re-encrypted; {await rotation.RemainingAsync(cli.Ct)} left. " +
                "Once no instance still needs it, remove Stock:PreviousEncryptionKey.");
            return 0;
        }
        catch (OperationCanceledException)
        {
            await cli.Error.WriteLineAsync("rotate-stock-key interrupted: finished batches are kept; run it again to resume.");
            return 1;
        }
    }
}
