namespace ApiTools.Common;

/// <summary>
/// What a tolerant reader tells the caller about one kind of item: a field that came as another kind of value and
/// was read another way, or kept in Extra. The text names the service, the item kind and the field, never the value,
/// so a command (which shows each distinct warning once) says it once however many items carry it; this object
/// also passes each text on once.
/// </summary>
public sealed class ReadNotes
{
    private readonly string _service;
    private readonly string _item;
    private readonly IApiObserver _observer;
    private readonly HashSet<string> _told = new(StringComparer.Ordinal);

    /// <param name="item">What an item is, as a user says it: "employee", "document".</param>
    public ReadNotes(string service, string item, IApiObserver observer)
    {
        _service = service;
        _item = item;
        _observer = observer ?? throw new ArgumentNullException(nameof(observer));
    }

    /// <summary>Notes for <typeparamref name="T"/>, named after the type ("ProductGroup" → "product group").</summary>
    public static ReadNotes For<T>(string service, IApiObserver observer) => new(service, ItemName(typeof(T).Name), observer);

    internal void Converted(string field, string found, string expected) =>
        Tell($"{_service} {_item} field '{field}' came as {found}; it is read as {expected}.");

    internal void Kept(string field, string found, string expected) =>
        Tell($"{_service} {_item} field '{field}' came as {found} where {expected} was expected; it is kept as it came, in Extra.");

    /// <summary>How a note names a JSON value's kind.</summary>
    internal static string Found(System.Text.Json.JsonValueKind kind) => kind switch
    {
        System.Text.Json.JsonValueKind.Object => "an object",
        System.Text.Json.JsonValueKind.Array => "a list",
        System.Text.Json.JsonValueKind.String => "text",
        System.Text.Json.JsonValueKind.Number => "a number",
        _ => "true or false",
    };

    /// <summary>The same for a token of a reader.</summary>
    internal static string Found(System.Text.Json.JsonTokenType token) => token switch
    {
        System.Text.Json.JsonTokenType.StartObject => "an object",
        System.Text.Json.JsonTokenType.StartArray => "a list",
        System.Text.Json.JsonTokenType.String => "text",
        System.Text.Json.JsonTokenType.Number => "a number",
        _ => "true or false",
    };

    private void Tell(string text)
    {
        lock (_told)
            if (!_told.Add(text)) return;
        _observer.OnWarning(text);
    }

    /// <summary>"ProductGroup" → "product group"; a wire type's "Wire" suffix is dropped.</summary>
    internal static string ItemName(string typeName)
    {
        if (typeName.EndsWith("Wire", StringComparison.Ordinal)) typeName = typeName.Substring(0, typeName.Length - 4);
        var words = new System.Text.StringBuilder();
        for (var i = 0; i < typeName.Length; i++)
        {
            if (i > 0 && char.IsUpper(typeName[i])) words.Append(' ');
            words.Append(char.ToLowerInvariant(typeName[i]));
        }
        return words.ToString();
    }
}
