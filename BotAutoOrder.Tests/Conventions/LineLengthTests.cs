namespace BotAutoOrder.Tests.Conventions;

/// <summary>
/// The <c>max_line_length = 140</c> of .editorconfig, checked by the test run (the compiler does not enforce it): product
/// code (BotAutoOrder.Domain, BotAutoOrder.Web) has no C# line over 140 characters. Migrations and generated files are
/// excluded. Files listed in long-lines-baseline.txt may keep at most their listed count until they are re-wrapped.
/// </summary>
public sealed class LineLengthTests
{
    public const int MaxLineLength = 140;

    [Fact]
    public void ProductCode_NoLineOver140Characters()
    {
        var root = RepositoryRoot();
        var baseline = Baseline(Path.Combine(root, "BotAutoOrder.Tests", "Conventions", "long-lines-baseline.txt"));
        var offenders = new List<string>();
        foreach (var file in ProductFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var longLines = File.ReadLines(file).Select((line, i) => (Length: Columns(line), Number: i + 1))
                .Where(l => l.Length > MaxLineLength).ToList();
            if (longLines.Count > baseline.GetValueOrDefault(relative))
                offenders.AddRange(longLines.Select(l => $"{relative}:{l.Number} ({l.Length})"));
        }
        Assert.True(offenders.Count == 0, $"Lines over {MaxLineLength} characters:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("BotAutoOrder.Web/Program.cs", true)]
    [InlineData("BotAutoOrder.Domain/Data/Migrations/Postgres/20260101000000_Init.cs", false)]
    [InlineData("BotAutoOrder.Domain/Data/Migrations/Sqlite/SqliteAppDbContextModelSnapshot.cs", false)]
    [InlineData("BotAutoOrder.Web/obj/Debug/net10.0/BotAutoOrder.Web.AssemblyInfo.cs", false)]
    [InlineData("BotAutoOrder.Web/Telegram/Texts/Generated.g.cs", false)]
    [InlineData("BotAutoOrder.Domain/Data/Thing.Designer.cs", false)]
    public void IsProductFile_Path_MigrationsAndGeneratedExcluded(string path, bool checkedFile) =>
        Assert.Equal(checkedFile, IsProductFile(path));

    /// <summary>Characters as an editor counts columns: an emoji is one, not its two UTF-16 halves.</summary>
    private static int Columns(string line) => line.EnumerateRunes().Count();

    private static IEnumerable<string> ProductFiles(string root) =>
        new[] { "BotAutoOrder.Domain", "BotAutoOrder.Web" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            .Where(f => IsProductFile(Path.GetRelativePath(root, f)));

    private static bool IsProductFile(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        var name = parts[^1];
        return !parts.Any(p => p is "Migrations" or "obj" or "bin")
               && !name.EndsWith(".g.cs", StringComparison.Ordinal) && !name.EndsWith(".Designer.cs", StringComparison.Ordinal);
    }

    private static Dictionary<string, int> Baseline(string path) =>
        !File.Exists(path) ? [] : File.ReadLines(path)
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture));

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAutoOrder.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BotAutoOrder.sln not found above " + AppContext.BaseDirectory);
    }
}
