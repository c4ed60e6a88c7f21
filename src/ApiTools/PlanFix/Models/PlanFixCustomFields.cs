using System.Text;

namespace ApiTools.PlanFix.Models;

/// <summary>
/// The custom fields of one object, in PlanFix's order. <c>$task.CustomFields['Сумма сделки']</c> finds one by name (or by
/// id); the list prints as <c>Name=Value;Name=Value</c>, the values you write back, so Export-Csv keeps them on one line
/// and Set-PlanFix* reads the cell back (<c>\;</c>, <c>\=</c>, <c>\\</c> and <c>\n</c> escape those characters in names and values).
/// </summary>
public sealed class PlanFixCustomFields : List<PlanFixCustomValue>
{
    /// <summary>The field of this name (case-insensitive), else of this id; null when there is none.</summary>
    public PlanFixCustomValue? this[string nameOrId] => PlanFixByNameOrId.Find(this, nameOrId, f => f.Name, f => f.FieldId);

    /// <summary>The fields' names (their ids where a name is unknown), in order: what <c>.Keys</c> gave when this was a
    /// name-to-text map, so scripts that enumerate it keep working.</summary>
    public IEnumerable<string> Keys => this.Select(f => f.Name ?? f.FieldId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() =>
        string.Join(";", this.Select(f => Escape(f.Name ?? f.FieldId.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "=" + Escape(f.Value ?? "")));

    /// <summary>The pairs of a cell <see cref="ToString"/> wrote, in order (names as written, values unescaped).</summary>
    /// <exception cref="FormatException">A pair without '='.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var part = new StringBuilder();
        string? name = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[++i];
                part.Append(next == 'n' ? '\n' : next);
            }
            else if (c == '=' && name is null)
            {
                name = part.ToString().Trim();
                part.Clear();
            }
            else if (c == ';')
            {
                Add();
            }
            else
            {
                part.Append(c);
            }
        }
        Add();
        return pairs;

        void Add()
        {
            if (name is null)
            {
                if (part.ToString().Trim().Length > 0) throw new FormatException($"'{part.ToString().Trim()}' is not Name=Value (write pairs as Name=Value;Name=Value)");
            }
            else
            {
                pairs.Add(new KeyValuePair<string, string>(name, part.ToString()));
            }
            name = null;
            part.Clear();
        }
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace("=", "\\=").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");
}
