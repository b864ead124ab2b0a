namespace BotAutoOrder.Domain.Catalog;

/// <summary>A digital good. Each unit for sale is one <see cref="Stock.StockItem"/>.</summary>
public class Product
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 120;
    public const int MaxWarrantyDays = 3650;

    private Product() { }

    public Product(string code, string name, long categoryId, long price, DateTime nowUtc)
    {
        Code = NormalizeCode(code);
        CreatedAtUtc = nowUtc;
        Update(name, categoryId, price, null, null, null, null, true, nowUtc);
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public long CategoryId { get; private set; }
    public Category? Category { get; private set; }
    public long Price { get; private set; }
    public string? Description { get; private set; }
    /// <summary>Most units one order may hold; null means only stock bounds it.</summary>
    public int? PerOrderLimit { get; private set; }
    /// <summary>Terms (SNK) the buyer must fulfil after delivery; null when none.</summary>
    public string? TermsText { get; private set; }
    /// <summary>Alert admins when available stock falls to this; null uses the store default.</summary>
    public int? LowStockThreshold { get; private set; }
    public bool IsActive { get; private set; }
    /// <summary>Days after delivery a buyer may claim a broken item (warranty, garansi); 0 = no warranty.</summary>
    public int WarrantyDays { get; private set; }

    /// <summary>
    /// Delivers the same content every time (a link, a guide, a licence for unlimited seats): never sold out, each
    /// unit still one order line and one sold copy (ADR-021). The content is the product's template stock item.
    /// </summary>
    public bool IsUnlimited { get; private set; }
    /// <summary>True once admins were told stock fell to the threshold; cleared when stock rises above it again.</summary>
    public bool LowStockAlerted { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public static string NormalizeCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return code.Trim().ToUpperInvariant();
    }

    public void Update(string name, long categoryId, long price, string? description, int? perOrderLimit,
        string? termsText, int? lowStockThreshold, bool isActive, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        if (perOrderLimit is <= 0) throw new ArgumentOutOfRangeException(nameof(perOrderLimit));
        if (lowStockThreshold is < 0) throw new ArgumentOutOfRangeException(nameof(lowStockThreshold));
        Name = name.Trim();
        CategoryId = categoryId;
        Price = price;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        PerOrderLimit = perOrderLimit;
        TermsText = string.IsNullOrWhiteSpace(termsText) ? null : termsText.Trim();
        LowStockThreshold = lowStockThreshold;
        IsActive = isActive;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>The warranty period in days (0 = none).</summary>
    public void SetWarranty(int warrantyDays, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warrantyDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warrantyDays, MaxWarrantyDays);
        WarrantyDays = warrantyDays;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Turns unlimited delivery on or off (the content itself lives in the template stock item).</summary>
    public void SetUnlimited(bool isUnlimited, DateTime nowUtc)
    {
        IsUnlimited = isUnlimited;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Hides (false) or shows (true) the product to buyers; stock and history stay.</summary>
    public void SetActive(bool isActive, DateTime nowUtc)
    {
        IsActive = isActive;
        UpdatedAtUtc = nowUtc;
    }
}
