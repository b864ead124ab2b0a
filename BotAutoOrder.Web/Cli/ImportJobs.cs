using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Cli;

/// <summary><c>import-catalog &lt;csv&gt;</c> and <c>import-stock &lt;product-code&gt; &lt;file&gt;</c>, with the dashboard's import
/// rules.</summary>
public static class ImportJobs
{
    private static readonly string Actor = AuditLog.Job("cli");

    public static async Task<int> ImportCatalogAsync(CliContext cli)
    {
        if (!File.Exists(cli.Arguments[0])) return await FailAsync(cli, $"import-catalog: no such file {cli.Arguments[0]}");
        using var reader = new StreamReader(cli.Arguments[0], System.Text.Encoding.UTF8);
        var result = await cli.Services.GetRequiredService<CatalogCsvService>().ImportAsync(reader, Actor, cli.Ct);
        await cli.Out.WriteLineAsync($"Products created {result.Created}, updated {result.Updated}, categories created {result.CategoriesCreated}, rows refused {result.Errors.Count}.");
        foreach (var error in result.Errors) await cli.Error.WriteLineAsync($"line {error.Line}: {error.Message}");
        return result.Errors.Count == 0 ? 0 : 1;
    }

    public static async Task<int> ImportStockAsync(CliContext cli)
    {
        var code = Product.NormalizeCode(cli.Arguments[0]);
        var productId =
            await cli.Services.GetRequiredService<AppDbContext>().Products.Where(p => p.Code == code).Select(p =>
            (long?)p.Id).FirstOrDefaultAsync(cli.Ct);
        if (productId is null) return await FailAsync(cli, $"import-stock: no product with code {code}");
        if (!File.Exists(cli.Arguments[1])) return await FailAsync(cli, $"import-stock: no such file {cli.Arguments[1]}");
        var lines = await File.ReadAllLinesAsync(cli.Arguments[1], cli.Ct);
        await cli.Services.PrepareStockEncryptionAsync(cli.Ct);
        var result = await cli.Services.GetRequiredService<StockImportService>().ImportAsync(productId.Value, lines, Actor, cli.Ct);
        await cli.Out.WriteLineAsync($"Stock for {code}: added {result.Added}, duplicates {result.Duplicates}, too long {result.TooLong}.");
        return 0;
    }

    private static async Task<int> FailAsync(CliContext cli, string message)
    {
        await cli.Error.WriteLineAsync(message);
        return 1;
    }
}
