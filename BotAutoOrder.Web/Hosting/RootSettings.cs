using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// The repository keeps one <c>appsettings.json</c> at its root; the build copies it next to the app.
/// When the content root has none (the app started from another folder, or under the test host), the copy
/// next to the app is read in the same place in the chain, so environment variables still override it.
/// </summary>
public static class RootSettings
{
    public static void AddRootAppSettings(this WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json"))) return;
        var baseDir = AppContext.BaseDirectory;
        if (!File.Exists(Path.Combine(baseDir, "appsettings.json"))) return;

        var sources = builder.Configuration.Sources;
        var index = sources.Select((s, i) => (s, i))
            .FirstOrDefault(x => x.s is JsonConfigurationSource { Path: "appsettings.json" }).i;
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(baseDir),
        };
        sources.Insert(index + 1, source);
    }
}
