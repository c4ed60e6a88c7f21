namespace ApiTools.Evotor.Input;

/// <summary>
/// What an Evotor id can be. The contract shows ids as UUID-like text (a store's is
/// <c>20170228-F4F1-401B-80FA-9ECCA8451FFB</c>, a user's <c>01-000000000000001</c>) without fixing a format, so only
/// what can never be an id is refused: nothing, spaces or control characters (a pasted or CSV-padded value), a comma
/// (<c>DELETE ?id=a,b</c> would read it as two ids), and more than <see cref="MaxLength"/> characters (our limit,
/// inferred and generous: the longest id the contract shows has 36).
/// </summary>
public static class EvotorIds
{
    public const int MaxLength = 128;

    /// <summary>Null when <paramref name="id"/> can be an Evotor id, else why not (a phrase to follow the id).</summary>
    public static string? Problem(string? id)
    {
        if (id is null || id.Length == 0) return "is empty";
        if (string.IsNullOrWhiteSpace(id)) return "is blank";
        if (id.Length > MaxLength) return $"is {id.Length} characters; an Evotor id has at most {MaxLength} (they look like 20170228-F4F1-401B-80FA-9ECCA8451FFB)";
        foreach (var c in id)
        {
            if (char.IsWhiteSpace(c)) return id.Trim().Length != id.Length ? "has spaces around it; Evotor ids have none" : "has a space in it; Evotor ids have none";
            if (char.IsControl(c)) return "has a control character in it";
            if (c == ',') return "has a comma in it; Evotor ids have none (a delete by ids would read it as two)";
        }
        return null;
    }
}
