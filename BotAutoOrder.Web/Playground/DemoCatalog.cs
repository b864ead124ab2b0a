using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Web.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// In Playground mode an empty shop gets a small demo catalog (two categories, four products with stock, voucher
/// <c>DEMO10</c>), so a newcomer can try the whole journey at once. Never in Webhook or Polling mode, never over data.
/// </summary>
public static class DemoCatalog
{
    public static async Task SeedIfPlaygroundAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        if (services.GetRequiredService<IOptions<TelegramOptions>>().Value.EffectiveMode != TelegramMode.Playground) return;
        if (!services.GetRequiredService<IConfiguration>().GetValue("Demo:Seed", true)) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Products.AnyAsync(ct) || await db.Categories.AnyAsync(ct)) return;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var cipher = scope.ServiceProvider.GetRequiredService<StockCipher>();

        var streaming = new Category("🎬 Streaming", 1, now);
        var software = new Category("💻 Software & Lisensi", 2, now);
        db.Categories.AddRange(streaming, software);
        await db.SaveChangesAsync(ct);
        var products = new (Category Category, string Code, string Name, long Price, string Description, int? Limit, string? Terms)[]
        {
            (streaming, "NFX-1M", "Netflix Premium 1 Bulan", 35_000, "Akun sharing 1 profil, garansi 30 hari.", 5,
                "Jangan ganti password atau PIN profil. Kirim screenshot profil yang dipakai sebagai bukti."),
            (streaming, "SPT-1M", "Spotify Premium 1 Bulan", 18_000, "Akun individu, langsung aktif.", null, null),
            (streaming, "YT-1M", "YouTube Premium 1 Bulan", 15_000, "Undangan family, tanpa iklan.", 3, null),
            (software, "WIN-PRO", "Windows 11 Pro Key", 95_000, "Lisensi retail, aktivasi online.", 2, null),
        };
        foreach (var p in products)
        {
            var product = new Product(p.Code, p.Name, p.Category.Id, p.Price, now);
            product.Update(p.Name, p.Category.Id, p.Price, p.Description, p.Limit, p.Terms, 3, true, now);
            if (p.Category == streaming) product.SetWarranty(30, now); // the playground shows the warranty claim flow
            db.Products.Add(product);
            await db.SaveChangesAsync(ct);
            for (var i = 1; i <= 12; i++)
                db.StockItems.Add(new StockItem(product.Id,
                    cipher.Seal($"demo-{p.Code.ToLowerInvariant()}-{i:00}@toko.test | pass: Demo#{i:00}{p.Code[..2]}"), now));
        }
        db.Vouchers.Add(new Voucher("DEMO10", VoucherKind.Percent, 10, now));
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(AuditLog.Job("demo"), AuditActions.DemoSeeded, "Catalog", null,
            new { products = products.Length });
        await db.SaveChangesAsync(ct);
    }
}
