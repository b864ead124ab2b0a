using System.Text;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Products;

/// <summary>Upload a catalog CSV; good rows are written, bad rows listed with their line numbers.</summary>
/// <remarks>Requests up to 8 MB are read so that a file over 2 MB gets a clear message rather than a bare 413.</remarks>
[RequestSizeLimit(8 * 1024 * 1024)]
public sealed class ImportModel(CatalogCsvService csv) : AdminPageModel
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public CatalogImportResult? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0) ModelState.AddModelError("file", T["Choose a CSV file."]);
        else if (file.Length > MaxBytes) ModelState.AddModelError("file", T["The file is larger than 2 MB."]);
        if (!ModelState.IsValid) return Page();
        using var reader = new StreamReader(file!.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        Result = await csv.ImportAsync(reader, Actor, Aborted);
        return Page();
    }
}
