namespace ApiTools.PowerShell.Base;

/// <summary>One item a completer offers: what it inserts and what it shows.</summary>
public sealed class Choice
{
    public Choice(string id, string? name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }

    public string? Name { get; }

    /// <summary>Up to <paramref name="most"/> items of a listing as choices: Tab offers a page, not a whole catalogue.</summary>
    public static async Task<IReadOnlyList<Choice>> FromAsync<T>(IAsyncEnumerable<T> items, Func<T, Choice> choice, int most, CancellationToken cancellationToken)
    {
        var list = new List<Choice>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(choice(item));
            if (list.Count >= most) break;
        }
        return list;
    }
}
