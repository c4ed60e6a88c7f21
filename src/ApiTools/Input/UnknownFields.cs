namespace ApiTools.Input;

/// <summary>
/// Names an input brings that no field of its kind has (a CSV column "Prise", a hashtable key "Colour"). Such values
/// are ignored, never sent; a typo in an optional column would otherwise vanish without a word, so the cmdlets warn
/// once per command for each such name. Names match as <see cref="InputFields"/> matches them (cost_price = CostPrice).
/// </summary>
public sealed class UnknownFields
{
    private readonly HashSet<string> _known;
    private readonly HashSet<string> _told = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _what;
    private readonly IReadOnlyList<string> _fields;

    /// <param name="known">Every name the reader reads or deliberately ignores.</param>
    /// <param name="what">What the fields belong to, e.g. "product".</param>
    /// <param name="fields">The fields to suggest (what a user can set).</param>
    public UnknownFields(IEnumerable<string> known, string what, IReadOnlyList<string> fields)
    {
        _known = new HashSet<string>(known.Select(InputFields.Normalise), StringComparer.OrdinalIgnoreCase);
        _what = what;
        _fields = fields;
    }

    /// <summary>The names of <typeparamref name="TModel"/>'s items: <paramref name="fields"/> (what a reader reads) and every
    /// property the model has (the read-only columns Export-Csv writes, ignored on input: CreatedAt, Extra…).</summary>
    public static UnknownFields Of<TModel>(string what, IReadOnlyList<string> fields) =>
        new(fields.Concat(typeof(TModel).GetProperties().Select(p => p.Name)), what, fields);

    /// <summary>The names of a draft whose properties are its fields (an EnDocs contractor: ExtId, Name, Inn…).</summary>
    public static UnknownFields Of<TDraft>(string what) => Of<TDraft>(what, typeof(TDraft).GetProperties().Select(p => p.Name).ToArray());

    /// <summary>A warning for the names not known and not warned about yet, or null.</summary>
    /// <param name="where">Where they were seen, e.g. "'products.csv'" or "item 3".</param>
    public string? Warning(IEnumerable<string> names, string where)
    {
        var fresh = names.Where(n => !string.IsNullOrWhiteSpace(n) && !_known.Contains(InputFields.Normalise(n)) && _told.Add(n)).ToList();
        if (fresh.Count == 0) return null;
        var list = string.Join(", ", fresh.Select(n => $"'{InputFields.Shorten(n, 30)}'"));
        return $"{char.ToUpperInvariant(where[0])}{where.Substring(1)} has {(fresh.Count == 1 ? "a column" : "columns")} {list} that no {_what} field has, so " +
               $"{(fresh.Count == 1 ? "it is" : "they are")} ignored. {_what.Substring(0, 1).ToUpperInvariant()}{_what.Substring(1)} fields: {string.Join(", ", _fields)}.";
    }
}
