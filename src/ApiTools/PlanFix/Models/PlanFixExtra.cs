using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml.Linq;

namespace ApiTools.PlanFix.Models;

/// <summary>
/// What PlanFix sent that a model does not name, kept as it came: a leaf element as its text, an element with children
/// or attributes as a nested <see cref="PlanFixExtra"/>, a name that repeats as a list. You can dot into it
/// (<c>$task.Extra.periodicity.daily.type</c>, <c>$action.Extra.analitics.analitic.key</c>), and it prints on one line
/// (<c>name=text;name={"json":"…"}</c>), so an Export-Csv cell never spans lines. Names match case-insensitively.
/// </summary>
public sealed class PlanFixExtra : Dictionary<string, object?>
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public PlanFixExtra() : base(StringComparer.OrdinalIgnoreCase) { }

    /// <summary>Adds <paramref name="value"/> under <paramref name="name"/>; a second value of the same name turns the entry into a list.</summary>
    public void Put(string name, object? value)
    {
        if (!TryGetValue(name, out var existing))
        {
            this[name] = value;
            return;
        }
        if (existing is PlanFixExtraList list) list.Add(value);
        else this[name] = new PlanFixExtraList { existing, value };
    }

    /// <summary>An element as Extra keeps it: its trimmed text when it has neither children nor attributes, else a nested
    /// map of its attributes and children (text beside them under <c>#text</c>).</summary>
    public static object? ValueOf(XElement element)
    {
        if (!element.HasElements && !element.HasAttributes) return element.Value.Trim();
        var map = new PlanFixExtra();
        foreach (var attribute in element.Attributes())
            if (!attribute.IsNamespaceDeclaration) map.Put(attribute.Name.LocalName, attribute.Value);
        foreach (var child in element.Elements()) map.Put(child.Name.LocalName, ValueOf(child));
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (text.Length > 0) map.Put("#text", text);
        return map;
    }

    public override string ToString() => string.Join(";", this.Select(kv => kv.Key + "=" + Render(kv.Value)));

    /// <summary>One value on one line: plain text as it is (quoted as JSON when it holds a line break, ';' or '='), nested parts as compact JSON.</summary>
    internal static string Render(object? value)
    {
        if (value is string text && text.IndexOfAny(new[] { '\r', '\n', ';', '=', '\t' }) < 0) return text;
        if (value is null) return "";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact)) Write(writer, value);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var kv in map)
                {
                    writer.WritePropertyName(kv.Key);
                    Write(writer, kv.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<object?> items:
                writer.WriteStartArray();
                foreach (var item in items) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
