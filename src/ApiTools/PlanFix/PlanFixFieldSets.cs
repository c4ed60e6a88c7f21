using System.Globalization;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix;

/// <summary>
/// The handbooks or the analitics of an account as one client knows them: the list read once (its items without
/// fields), each item read once whole (with its fields, named from the list where the answer names it not), and an item
/// found by its id or by its name in the list, else a ValidationFailed error naming it and listing the account's.
/// </summary>
internal sealed class PlanFixFieldSets<T> where T : PlanFixFieldSet
{
    private readonly Dictionary<long, T> _whole = new();
    private readonly Func<CancellationToken, Task<List<T>>> _list;
    private readonly Func<long, CancellationToken, Task<T>> _read;
    private readonly string _noun;
    private readonly string _tail;
    private List<T>? _listed;

    /// <param name="noun">handbook or analitic: its plural names the list in errors, its capitalised form the field.</param>
    /// <param name="tail">What an error about an unknown name adds (a write says nothing was sent).</param>
    public PlanFixFieldSets(string noun, Func<CancellationToken, Task<List<T>>> list, Func<long, CancellationToken, Task<T>> read, string tail = "")
    {
        _noun = noun;
        _list = list;
        _read = read;
        _tail = tail;
    }

    public async Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) => _listed ??= await _list(cancellationToken).ConfigureAwait(false);

    public async Task<T> GetAsync(long id, CancellationToken cancellationToken)
    {
        if (_whole.TryGetValue(id, out var known)) return known;
        var item = await _read(id, cancellationToken).ConfigureAwait(false);
        if (item.Name is null && _listed?.FirstOrDefault(i => i.Id == id) is { } listed) item.Name = listed.Name;
        return _whole[id] = item;
    }

    /// <summary>The item whole, by id or by name; <paramref name="listed"/> is the list's item when it was found by name.</summary>
    public async Task<(T Item, T? Listed)> ResolveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var key = nameOrId.Trim();
        if (long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0)
            return (await GetAsync(id, cancellationToken).ConfigureAwait(false), null);
        var all = await ListAsync(cancellationToken).ConfigureAwait(false);
        var match = all.FirstOrDefault(i => string.Equals(i.Name, key, StringComparison.OrdinalIgnoreCase))
                    ?? throw PlanFixClient.Invalid(char.ToUpperInvariant(_noun[0]) + _noun.Substring(1),
                        $"'{key}' is not a{(_noun[0] is 'a' ? "n" : "")} {_noun} of this account (its {_noun}s: {string.Join(", ", all.Select(i => i.Name))}){_tail}");
        return (await GetAsync(match.Id, cancellationToken).ConfigureAwait(false), match);
    }
}
