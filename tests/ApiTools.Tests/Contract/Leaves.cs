using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ApiTools.Tests.Contract;

/// <summary>
/// "Nothing in the payload is lost": every leaf of a published item (a JSON scalar, an XML element's text or an
/// attribute) must be found among the values of the object the client made of it: its typed properties, nested
/// objects, lists and its Extra. Values are compared, not paths, after making the forms the references use comparable:
/// numbers by value (45.50 = "45.5"), dates by their moment or their written parts (+0000 or +03:00, dd-MM-yyyy),
/// text trimmed. A value that is only a number's text stays findable as that number and as text.
/// </summary>
public static class Leaves
{
    private static readonly Regex LooksLikeDate = new(@"^\d{4}-\d{2}-\d{2}|^\d{2}[.-]\d{2}[.-]\d{4}", RegexOptions.CultureInvariant);
    private static readonly Regex CompactOffset = new(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant);

    public static IEnumerable<(string Path, string Value)> Of(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    foreach (var leaf in Of(p.Value, path + "." + p.Name)) yield return leaf;
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    foreach (var leaf in Of(item, $"{path}[{i++}]")) yield return leaf;
                break;
            case JsonValueKind.String:
                if (!string.IsNullOrWhiteSpace(element.GetString())) yield return (path, element.GetString()!);
                break;
            case JsonValueKind.Number:
                yield return (path, element.GetRawText());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                yield return (path, element.GetRawText());
                break;
        }
    }

    public static IEnumerable<(string Path, string Value)> Of(XElement element, string? path = null)
    {
        path ??= element.Name.LocalName;
        foreach (var attribute in element.Attributes())
            if (!string.IsNullOrWhiteSpace(attribute.Value)) yield return ($"{path}/@{attribute.Name.LocalName}", attribute.Value);
        if (!element.HasElements)
        {
            if (!string.IsNullOrWhiteSpace(element.Value)) yield return (path, element.Value);
            yield break;
        }
        foreach (var child in element.Elements())
            foreach (var leaf in Of(child, path + "/" + child.Name.LocalName)) yield return leaf;
    }

    /// <summary>Every value reachable from <paramref name="model"/>, in every comparable form.</summary>
    public static HashSet<string> Values(object? model)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Walk(model, found, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return found;
    }

    /// <summary>The leaves of <paramref name="payload"/> that no value of <paramref name="model"/> accounts for.</summary>
    public static List<string> Missing(IEnumerable<(string Path, string Value)> payload, object? model)
    {
        var values = Values(model);
        return payload.Where(leaf => !Forms(leaf.Value).Any(values.Contains)).Select(leaf => $"{leaf.Path} = {leaf.Value}").ToList();
    }

    public static void AssertAllLand(IEnumerable<(string Path, string Value)> payload, object? model, string what)
    {
        var missing = Missing(payload, model);
        Assert.True(missing.Count == 0, $"{what}: {missing.Count} leaf(s) of the payload are in no property and not in Extra:\n  " + string.Join("\n  ", missing));
    }

    /// <summary>The comparable forms of one written value.</summary>
    public static IEnumerable<string> Forms(string raw)
    {
        var text = raw.Trim();
        yield return "s:" + text;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) yield return Number(number);
        // Booleans as the references write them: true/false in any case, and PlanFix's (and some JSON's) 1/0.
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1") yield return "b:true";
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0") yield return "b:false";
        if (LooksLikeDate.IsMatch(text) && ParseDate(text) is DateTimeOffset date)
        {
            // As precise as it was written: a day matches a day, a minute a minute, a moment a moment.
            var digits = text.Count(char.IsDigit);
            if (digits <= 8) yield return Day(date);
            else if (digits <= 12) yield return Minute(date);
            else
            {
                yield return "t:" + date.UtcTicks.ToString(CultureInfo.InvariantCulture);
                yield return "w:" + date.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            }
        }
    }

    private static void Walk(object? value, HashSet<string> found, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 12) return;
        switch (value)
        {
            case string s:
                foreach (var form in Forms(s)) found.Add(form);
                return;
            case bool b:
                found.Add("b:" + (b ? "true" : "false"));
                found.Add("s:" + (b ? "true" : "false"));
                found.Add(Number(b ? 1 : 0)); // PlanFix writes booleans as 1 and 0
                return;
            case DateTimeOffset dto:
                foreach (var form in DateForms(dto)) found.Add(form);
                return;
            case DateTime dt:
                foreach (var form in DateForms(new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), TimeSpan.Zero))) found.Add(form);
                return;
            case TimeSpan ts:
                found.Add(Number((decimal)ts.TotalMilliseconds));
                found.Add("s:" + ts.ToString("c", CultureInfo.InvariantCulture));
                return;
            case Enum e:
                found.Add("s:" + e.ToString());
                found.Add(Number(Convert.ToDecimal(e, CultureInfo.InvariantCulture)));
                return;
            case JsonElement json:
                foreach (var (_, leaf) in Of(json))
                    foreach (var form in Forms(leaf)) found.Add(form);
                return;
            case XElement xml:
                foreach (var (_, leaf) in Of(xml))
                    foreach (var form in Forms(leaf)) found.Add(form);
                return;
            case IConvertible c when value.GetType().IsPrimitive || value is decimal:
                found.Add(Number(Convert.ToDecimal(c, CultureInfo.InvariantCulture)));
                found.Add("s:" + Convert.ToString(c, CultureInfo.InvariantCulture));
                return;
        }
        if (!seen.Add(value)) return;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry e in dictionary)
            {
                Walk(e.Key?.ToString(), found, seen, depth + 1);
                Walk(e.Value, found, seen, depth + 1);
            }
            return;
        }
        if (value is IEnumerable items)
        {
            foreach (var item in items) Walk(item, found, seen, depth + 1);
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            object? v;
            try { v = property.GetValue(value); }
            catch (TargetInvocationException) { continue; }
            Walk(v, found, seen, depth + 1);
        }
    }

    private static string Number(decimal value) => "n:" + value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseDate(string text)
    {
        var withColon = CompactOffset.Replace(text, "$1:$2");
        string[] formats = { "dd-MM-yyyy HH:mm", "dd-MM-yyyy", "dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm" };
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var written)) return written;
        if (DateTimeOffset.TryParse(withColon, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
        return null;
    }

    // A model's date in every precision a payload may have written it: the moment, the wall-clock parts (a PlanFix date
    // is in the user's zone, whatever offset the model carries), the minute and the day.
    private static IEnumerable<string> DateForms(DateTimeOffset date)
    {
        yield return "t:" + date.UtcTicks.ToString(CultureInfo.InvariantCulture);
        yield return "w:" + date.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        yield return Minute(date);
        yield return Day(date);
    }

    private static string Minute(DateTimeOffset date) => "m:" + date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset date) => "d:" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
