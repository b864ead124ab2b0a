using BotAutoOrder.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>The buyers list's "name contains" search.</summary>
public static class BuyerSearch
{
    /// <summary>
    /// First name, last name or username containing <paramref name="text"/>, ignoring case. Written as
    /// <c>lower(column) LIKE '%text%'</c> (wildcards in the text escaped) because that is the shape PostgreSQL's trigram
    /// indexes (<c>ix_customers_*_trgm</c>, migration I11_DashboardIndexes) answer; SQLite scans, fine at its scale.
    /// </summary>
    public static IQueryable<Customer> NameContains(IQueryable<Customer> query, string text)
    {
        var pattern = "%" + Escape(text.ToLowerInvariant()) + "%";
        return query.Where(c => EF.Functions.Like(c.FirstName.ToLower(), pattern, "\\")
                                || (c.LastName != null && EF.Functions.Like(c.LastName.ToLower(), pattern, "\\"))
                                || (c.Username != null && EF.Functions.Like(c.Username.ToLower(), pattern, "\\")));
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
