using System.Collections.Concurrent;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix;

/// <summary>
/// What a connection learns about its account and keeps: the status sets (read once, with taskStatus.getSetList and
/// taskStatus.getListOfSet, the first time a status is named or shown) and the custom fields its tasks, contacts and
/// projects carry (learned from every object read), so a field named in a write resolves to its id without a lookup.
/// </summary>
internal sealed class PlanFixCatalog
{
    private readonly SemaphoreSlim _statusGate = new(1, 1);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> _fields = new(StringComparer.Ordinal);
    private IReadOnlyList<PlanFixTaskStatus>? _statuses;
    private string? _statusesUnavailable;

    /// <summary>The statuses once read; null before.</summary>
    public IReadOnlyList<PlanFixTaskStatus>? Statuses => Volatile.Read(ref _statuses);

    /// <summary>Why the statuses cannot be read with this connection (the methods refused), once that is known.</summary>
    public string? StatusesUnavailable => Volatile.Read(ref _statusesUnavailable);

    /// <summary>The account's statuses, read by <paramref name="load"/> the first time and kept; null when PlanFix refused the
    /// status methods (kept too, so a command does not ask again). Failures in transit are not kept.</summary>
    public async Task<IReadOnlyList<PlanFixTaskStatus>?> StatusesAsync(Func<CancellationToken, Task<IReadOnlyList<PlanFixTaskStatus>>> load, CancellationToken cancellationToken)
    {
        if (Statuses is { } known) return known;
        if (StatusesUnavailable is not null) return null;
        await _statusGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Statuses is { } again) return again;
            if (StatusesUnavailable is not null) return null;
            try
            {
                var loaded = await load(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _statuses, loaded);
                return loaded;
            }
            catch (ApiException refused) when (refused.Kind is ApiErrorKind.ProtocolError or ApiErrorKind.Forbidden or ApiErrorKind.ValidationFailed or ApiErrorKind.NotFound)
            {
                Volatile.Write(ref _statusesUnavailable, refused.Message);
                return null;
            }
        }
        finally
        {
            _statusGate.Release();
        }
    }

    /// <summary>Notes the custom fields an object of <paramref name="kind"/> (task, contact, project) carries.</summary>
    public void Learn(string kind, PlanFixCustomFields fields)
    {
        if (fields.Count == 0) return;
        var names = _fields.GetOrAdd(kind, _ => new ConcurrentDictionary<string, long>(StringComparer.OrdinalIgnoreCase));
        foreach (var f in fields)
            if (!string.IsNullOrWhiteSpace(f.Name) && f.FieldId > 0) names[f.Name!.Trim()] = f.FieldId;
    }

    /// <summary>The id of the field of <paramref name="kind"/> named <paramref name="name"/>, or null when none was seen.</summary>
    public long? FieldId(string kind, string name) =>
        _fields.TryGetValue(kind, out var names) && names.TryGetValue(name.Trim(), out var id) ? id : null;

    /// <summary>True when some object of <paramref name="kind"/> carried a field with id <paramref name="id"/>.</summary>
    public bool HasFieldId(string kind, long id) => _fields.TryGetValue(kind, out var names) && names.Values.Contains(id);

    /// <summary>The names of the fields of <paramref name="kind"/> seen so far, sorted.</summary>
    public IReadOnlyList<string> FieldNames(string kind) =>
        _fields.TryGetValue(kind, out var names) ? names.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList() : Array.Empty<string>();

    /// <summary>The name of field <paramref name="id"/> of <paramref name="kind"/>, or null.</summary>
    public string? FieldName(string kind, long id) =>
        _fields.TryGetValue(kind, out var names) ? names.FirstOrDefault(kv => kv.Value == id).Key : null;
}
