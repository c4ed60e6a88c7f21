using System.Globalization;
using System.Text;

namespace ApiTools.Benchmarks.Support;

/// <summary>One line of the table: our figure, the reference figure, their ratio, the goal and whether it is met.</summary>
public sealed record ResultRow(string Id, string Scenario, string Ours, string Reference, string Ratio, string Goal, string Verdict);

/// <summary>The table every run prints (aligned text, then the same as markdown), plus notes on how each figure was made.</summary>
public sealed class Report
{
    private static readonly string[] Header = ["id", "scenario", "ours", "reference", "ratio", "goal", "pass/short"];

    public List<ResultRow> Rows { get; } = new();
    public List<string> Notes { get; } = new();

    public void Add(ResultRow row) => Rows.Add(row);

    public void Note(string id, string text) => Notes.Add($"{id}: {text}");

    /// <summary>A ratio row: "ours / reference" with the goal "≤ max" (or "≥ min").</summary>
    public void AddRatio(string id, string scenario, double ours, double reference, string unit, double goal, bool atMost)
    {
        var ratio = ours / reference;
        var pass = atMost ? ratio <= goal : ratio >= goal;
        Add(new ResultRow(id, scenario, Format(ours, unit), Format(reference, unit), ratio.ToString("0.00", CultureInfo.InvariantCulture) + " ×",
            (atMost ? "≤ " : "≥ ") + goal.ToString("0.##", CultureInfo.InvariantCulture) + " ×", pass ? "pass" : "short"));
    }

    public static string Format(double value, string unit) => unit switch
    {
        "s" => value.ToString("0.000", CultureInfo.InvariantCulture) + " s",
        "ms" => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        "MB" => value.ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture) + " " + unit,
    };

    public string ToText()
    {
        var cells = Rows.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => cells.Max(c => c[i].Length)).ToArray();
        var sb = new StringBuilder();
        for (var r = 0; r < cells.Count; r++)
        {
            sb.AppendLine(string.Join(" | ", cells[r].Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            if (r == 0) sb.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        }
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", Header) + " |");
        sb.AppendLine("|" + string.Concat(Header.Select(_ => "---|")));
        foreach (var row in Rows) sb.AppendLine("| " + string.Join(" | ", Cells(row).Select(c => c.Replace("|", "\\|"))) + " |");
        return sb.ToString();
    }

    private static string[] Cells(ResultRow r) => [r.Id, r.Scenario, r.Ours, r.Reference, r.Ratio, r.Goal, r.Verdict];
}
