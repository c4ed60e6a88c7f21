using System.Collections;
using System.Text.Json;

namespace ApiTools.Common;

/// <summary>
/// Fields a service sent that our models do not name yet: kept, not dropped, as plain values you can dot into
/// (<c>$doc.Extra.counterparties[0].inn</c>): text, numbers (decimal), booleans, nested objects (an ExtraFields) and
/// lists (<see cref="ExtraList"/>). JSON put in (by the serializer's extension data or a reader) is turned into those
/// values as it arrives; a JSON null is no value and is not kept. Prints as <c>name=value;name=value</c> on one line,
/// nested parts as compact JSON, so Export-Csv writes one readable cell.
/// </summary>
public sealed class ExtraFields : Dictionary<string, object?>, IDictionary<string, object?>, IDictionary
{
    /// <summary>Ends the name under which <see cref="TolerantJson"/> hands over a value the model could not take in a
    /// typed field: the field is kept under its own name. (A name a service sends never ends so: it is a NUL.)</summary>
    internal const string KeptSuffix = "\u0000";

    public ExtraFields() : base(StringComparer.Ordinal) { }

    /// <summary>Sets a field; a <see cref="JsonElement"/> is kept as the plain value it holds, and a null removes the field.</summary>
    public new object? this[string key]
    {
        get => base[key];
        set
        {
            if (key.EndsWith(KeptSuffix, StringComparison.Ordinal)) key = key.Substring(0, key.Length - KeptSuffix.Length);
            var plain = ExtraValue.From(value);
            if (plain is null) Remove(key);
            else base[key] = plain;
        }
    }

    // The serializer adds extension data through the interfaces: they go through the same conversion.
    object? IDictionary<string, object?>.this[string key] { get => this[key]; set => this[key] = value; }

    object? IDictionary.this[object key] { get => this[(string)key]; set => this[(string)key] = value; }

    public new void Add(string key, object? value)
    {
        if (key.EndsWith(KeptSuffix, StringComparison.Ordinal)) key = key.Substring(0, key.Length - KeptSuffix.Length);
        var plain = ExtraValue.From(value);
        if (plain is not null) base.Add(key, plain);
    }

    void IDictionary<string, object?>.Add(string key, object? value) => Add(key, value);

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    public override string ToString() => string.Join(";", this.Select(kv => kv.Key + "=" + ExtraValue.Text(kv.Value)));
}
