using System.Collections;
using ApiTools.Evotor.Models;
using ApiTools.Input;

namespace ApiTools.Evotor.Input;

/// <summary>One input item → the product group Evotor is sent, checked first (see <see cref="ProductInput"/>).
/// Attributes come as typed objects or as the <c>Size{id}(S{id}|M{id})</c> text Export-Csv wrote (ids optional).</summary>
public static class ProductGroupInput
{
    public static readonly IReadOnlyList<string> RequiredFields = new[] { "Name" };

    /// <summary>Every field read, plus the read-only ones Export-Csv writes (ignored on purpose).</summary>
    public static readonly IReadOnlyList<string> WritableFields = new[] { "Id", "ParentId", "Name", "Barcodes", "Attributes" };

    public static UnknownFields NewUnknownFields() => UnknownFields.Of<ProductGroup>("product group", WritableFields);

    public static ProductGroup Read(InputFields fields, string label, bool requireId, bool idIgnored = false)
    {
        var group = new ProductGroup
        {
            Id = fields.Text("Id")?.Trim() ?? "",
            ParentId = fields.Text("ParentId")?.Trim(),
            Name = fields.Text("Name"),
            Barcodes = fields.List("Barcodes"),
            Attributes = Attributes(fields),
        };
        if (requireId && group.Id.Length == 0) fields.AddViolation("Id", "is required to store the group under a known id");
        if (!idIgnored) ProductInput.CheckId(fields, "Id", group.Id);
        ProductInput.CheckId(fields, "ParentId", group.ParentId);
        ProductInput.Required(fields, "Name", group.Name);
        ProductInput.MaxLength(fields, "Name", group.Name, ProductInput.MaxNameLength);
        fields.Checked(group, EvotorClient.ServiceName, label);
        if (group.Id.Length == 0) group.Id = null!;
        return group;
    }

    /// <summary>"Red{id}" → (Red, id); "Red" → (Red, null): the text an export wrote, or a person typed.</summary>
    private static (string Name, string? Id) NameAndId(string text)
    {
        var brace = text.LastIndexOf('{');
        return brace > 0 && text.EndsWith("}", StringComparison.Ordinal)
            ? (text.Substring(0, brace).Trim(), text.Substring(brace + 1, text.Length - brace - 2).Trim())
            : (text, null);
    }

    private static ProductGroupAttributeList? Attributes(InputFields fields)
    {
        if (!fields.Has("Attributes")) return null;
        var text = fields.Text("Attributes");
        if (fields.Raw("Attributes") is IEnumerable items and not string)
        {
            var typed = items.OfType<ProductGroupAttribute>().ToList();
            if (typed.Count > 0) return Copy(typed);
            // Hashtables or JSON objects: @{ name = 'Цвет'; choices = @(@{ name = 'Зелёный' }) }, as Evotor's own body shows them.
            var written = items.OfType<IDictionary>().ToList();
            if (written.Count > 0) return Copy(written.Select(a => new ProductGroupAttribute
            {
                Id = Value(a, "id"),
                Name = Value(a, "name"),
                Choices = (Member(a, "choices") as IEnumerable ?? Array.Empty<object>()).Cast<object?>()
                    .Select(c => c is IDictionary choice
                        ? new ProductGroupAttributeChoice { Id = Value(choice, "id"), Name = Value(choice, "name") }
                        : new ProductGroupAttributeChoice { Name = c?.ToString() })
                    .ToList(),
            }));
        }
        var list = new ProductGroupAttributeList();
        foreach (var part in (text ?? "").Split(';').Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var open = part.IndexOf('(');
            if (open <= 0 || !part.EndsWith(")"))
            {
                fields.AddViolation("Attributes", $"'{part}' is not Name(choice|choice)");
                continue;
            }
            var choices = part.Substring(open + 1, part.Length - open - 2).Split('|').Select(c => c.Trim()).Where(c => c.Length > 0);
            var (name, id) = NameAndId(part.Substring(0, open).Trim());
            list.Add(new ProductGroupAttribute
            {
                Name = name,
                Id = id,
                Choices = choices.Select(NameAndId).Select(c => new ProductGroupAttributeChoice { Name = c.Name, Id = c.Id }).ToList(),
            });
        }
        return list;
    }

    /// <summary>A member of a hashtable or JSON object, its name matched in any case.</summary>
    private static object? Member(IDictionary map, string name)
    {
        foreach (DictionaryEntry e in map)
            if (string.Equals(e.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) return e.Value;
        return null;
    }

    private static string? Value(IDictionary map, string name) => Member(map, name)?.ToString();

    private static ProductGroupAttributeList Copy(IEnumerable<ProductGroupAttribute> attributes)
    {
        var list = new ProductGroupAttributeList();
        list.AddRange(attributes);
        return list;
    }
}
