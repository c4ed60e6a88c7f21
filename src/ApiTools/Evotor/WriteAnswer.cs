namespace ApiTools.Evotor;

/// <summary>What a write answered: the stored item when the answer had a body; otherwise the <c>Location</c> it named
/// (Evotor documents 201 with only a Location, 204, and a 200 without a body for PUT and PATCH).</summary>
internal sealed class WriteAnswer<T>
{
    public WriteAnswer(T value, Uri? location = null) => (Value, HasBody, ValueLocation) = (value, true, location);

    public WriteAnswer(Uri? location) => Location = location;

    public T? Value { get; }
    public bool HasBody { get; }

    /// <summary>The Location of an answer without a body, made absolute against the request's URI.</summary>
    public Uri? Location { get; }

    /// <summary>The Location of an answer with a body (a 202 names its task both ways).</summary>
    public Uri? ValueLocation { get; }
}
