using System.Globalization;
using System.Text;

namespace UpdatePathBench;

/// <summary>A small line chart of updates/s against concurrency, one line per bot, as a standalone SVG.</summary>
public static class Chart
{
    private static readonly string[] Colours = ["#444444", "#1f77b4", "#d62728", "#2ca02c"];

    public static string Svg(IReadOnlyList<LevelResult> results, string title)
    {
        const int width = 560, height = 300, left = 60, right = 150, top = 30, bottom = 40;
        var levels = results.Select(r => r.Concurrency).Distinct().Order().ToList();
        var bots = results.Select(r => r.Bot).Distinct().ToList();
        var max = NiceCeiling(results.Max(r => r.PerSecond));
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double X(int level) => left + (levels.Count == 1 ? plotW / 2.0 : levels.IndexOf(level) * plotW / (double)(levels.Count - 1));
        double Y(double value) => top + plotH - value / max * plotH;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">""").AppendLine();
        svg.Append($"""<text x="{left}" y="16" font-size="13">{Escape(title)}</text>""").AppendLine();
        for (var i = 0; i <= 4; i++)
        {
            var v = max * i / 4;
            svg.Append($"""<line x1="{left}" y1="{F(Y(v))}" x2="{left + plotW}" y2="{F(Y(v))}" stroke="#ddd"/><text x="{left - 6}" y="{F(Y(v) + 4)}" text-anchor="end">{F(v)}</text>""").AppendLine();
        }
        foreach (var level in levels)
            svg.Append($"""<text x="{F(X(level))}" y="{top + plotH + 16}" text-anchor="middle">{level}</text>""").AppendLine();
        svg.Append($"""<text x="{left + plotW / 2}" y="{height - 6}" text-anchor="middle">concurrent requests</text>""").AppendLine();
        svg.Append($"""<text x="14" y="{top + plotH / 2}" transform="rotate(-90 14 {top + plotH / 2})" text-anchor="middle">updates/s</text>""").AppendLine();
        for (var b = 0; b < bots.Count; b++)
        {
            var colour = Colours[b % Colours.Length];
            var points = results.Where(r => r.Bot == bots[b]).OrderBy(r => r.Concurrency).Select(r => $"{F(X(r.Concurrency))},{F(Y(r.PerSecond))}");
            svg.Append($"""<polyline fill="none" stroke="{colour}" stroke-width="2" points="{string.Join(' ', points)}"/>""").AppendLine();
            foreach (var r in results.Where(r => r.Bot == bots[b]))
                svg.Append($"""<circle cx="{F(X(r.Concurrency))}" cy="{F(Y(r.PerSecond))}" r="3" fill="{colour}"/>""").AppendLine();
            var legendY = top + 10 + b * 18;
            svg.Append($"""<line x1="{left + plotW + 12}" y1="{legendY}" x2="{left + plotW + 32}" y2="{legendY}" stroke="{colour}" stroke-width="2"/><text x="{left + plotW + 38}" y="{legendY + 4}">{Escape(bots[b])}</text>""").AppendLine();
        }
        svg.Append("</svg>").AppendLine();
        return svg.ToString();
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
