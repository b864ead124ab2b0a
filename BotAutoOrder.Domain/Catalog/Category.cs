namespace BotAutoOrder.Domain.Catalog;

public class Category
{
    private Category() { }

    public Category(string name, int sortOrder, DateTime nowUtc)
    {
        Rename(name);
        SortOrder = sortOrder;
        IsActive = true;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    public void Update(string name, int sortOrder, bool isActive)
    {
        Rename(name);
        SortOrder = sortOrder;
        IsActive = isActive;
    }

    /// <summary>Hides (false) or shows (true) the category to buyers.</summary>
    public void SetActive(bool isActive) => IsActive = isActive;
}
