namespace ApiTools.Common;

/// <summary>A list kept in <see cref="ExtraFields"/>: its items are plain values (text, numbers, booleans, nested
/// ExtraFields or lists); it prints as compact JSON on one line.</summary>
public sealed class ExtraList : List<object?>
{
    public override string ToString() => ExtraValue.Json(this);
}
