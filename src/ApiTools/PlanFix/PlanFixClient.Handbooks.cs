using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using ApiTools.Paging;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using ApiTools.PlanFix.Serialization;

namespace ApiTools.PlanFix;

// Handbooks: the list (handbook.getList), a handbook's structure (handbook.getStructure: its fields' ids, names and
// types), its records (handbook.getRecords, one level of groups at a time, no total count: a level ends on a short
// page), records by key (handbook.getRecordMulti), and writing records (handbook.addRecord / handbook.updateRecord).
public sealed partial class PlanFixClient
{
    /// <summary>How deep groups may nest before a listing is taken for a loop in the server's data.</summary>
    public const int MaxHandbookDepth = 64;

    private PlanFixFieldSets<PlanFixHandbook> Handbooks => _handbooks ??= new("handbook",
        async ct => (await ListOnceAsync("handbook.getList", null, "handbooks", "handbook", ct).ConfigureAwait(false)).Select(_read.Handbook).ToList(),
        async (id, ct) =>
        {
            var handbook = _read.Handbook(await GetElementAsync("handbook.getStructure", "handbook", "id", id, ct).ConfigureAwait(false));
            if (handbook.Id == 0) handbook.Id = id;
            return handbook;
        });

    private PlanFixFieldSets<PlanFixHandbook>? _handbooks;

    /// <summary>Every handbook of the account (without fields; <see cref="GetHandbookAsync"/> adds them).</summary>
    public Task<IReadOnlyList<PlanFixHandbook>> GetHandbooksAsync(CancellationToken cancellationToken = default) => Handbooks.ListAsync(cancellationToken);

    /// <summary>One handbook with its fields (handbook.getStructure).</summary>
    public Task<PlanFixHandbook> GetHandbookAsync(long id, CancellationToken cancellationToken = default) => Handbooks.GetAsync(id, cancellationToken);

    /// <summary>A handbook by id, or by name from the list; a ValidationFailed error naming it when there is none.</summary>
    public async Task<PlanFixHandbook> ResolveHandbookAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        var (handbook, listed) = await Handbooks.ResolveAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        if (listed is not null)
        {
            handbook.Name ??= listed.Name;
            handbook.GroupId ??= listed.GroupId;
            handbook.GroupName ??= listed.GroupName;
        }
        return handbook;
    }

    /// <summary>
    /// Every record of a handbook, groups included and walked: a level's records as its pages arrive (pages of 100; a
    /// short page ends the level, the method gives no total), then each group's level in turn, iteratively. A group met
    /// twice, or groups nested past <see cref="MaxHandbookDepth"/>, end the listing with an error rather than loop.
    /// </summary>
    public async IAsyncEnumerable<PlanFixHandbookRecord> GetHandbookRecordsAsync(string handbookNameOrId, PageRange range = default,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var handbook = await ResolveHandbookAsync(handbookNameOrId, cancellationToken).ConfigureAwait(false);
        var needed = range.Needed;
        long served = 0;
        var levels = new Stack<(long? ParentKey, string? Path, int Depth)>();
        var seenGroups = new HashSet<long>();
        levels.Push((null, null, 0));
        while (levels.Count > 0)
        {
            var (parent, path, depth) = levels.Pop();
            var groups = new List<PlanFixHandbookRecord>();
            var p = new Dictionary<string, object?> { ["handbook"] = new Dictionary<string, object?> { ["id"] = handbook.Id } };
            if (parent is long key) p["parentKey"] = key;
            var levelRange = needed is long cap ? new PageRange(0, Math.Max(0, cap - served)) : default;
            if (levelRange.First == 0) yield break;
            await foreach (var x in InvokeListAsync("handbook.getRecords", p, "records", "record", levelRange, cancellationToken).ConfigureAwait(false))
            {
                var record = _read.Record(x, handbook, path);
                served++;
                if (record.IsGroup) groups.Add(record);
                yield return record;
            }
            // Deeper levels in the order their groups came (a stack: pushed last to first).
            for (var i = groups.Count - 1; i >= 0; i--)
            {
                var group = groups[i];
                if (!seenGroups.Add(group.Key))
                    throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
                        $"PlanFix handbook.getRecords of handbook {handbook.Id} gave group {group.Key} twice; the listing stops there, incomplete, rather than loop.")
                        { Method = "POST", Path = "handbook.getRecords" };
                if (depth + 1 > MaxHandbookDepth)
                    throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
                        $"PlanFix handbook {handbook.Id} nests groups deeper than {MaxHandbookDepth} levels; the listing stops there, incomplete.")
                        { Method = "POST", Path = "handbook.getRecords" };
                levels.Push((group.Key, path is null ? group.Name ?? group.Key.ToString(CultureInfo.InvariantCulture) : path + "/" + (group.Name ?? group.Key.ToString(CultureInfo.InvariantCulture)), depth + 1));
            }
        }
    }

    /// <summary>Records of a handbook by key (handbook.getRecordMulti, up to 100 a request).</summary>
    public async Task<IReadOnlyList<PlanFixHandbookRecord>> GetHandbookRecordsByKeyAsync(string handbookNameOrId, IReadOnlyList<long> keys,
        CancellationToken cancellationToken = default)
    {
        var handbook = await ResolveHandbookAsync(handbookNameOrId, cancellationToken).ConfigureAwait(false);
        var records = new List<PlanFixHandbookRecord>();
        for (var at = 0; at < keys.Count; at += MaxPageSize)
        {
            var p = new Dictionary<string, object?>
            {
                ["handbook"] = new Dictionary<string, object?> { ["id"] = handbook.Id },
                ["records"] = new Dictionary<string, object?> { ["key"] = keys.Skip(at).Take(MaxPageSize).ToList() },
            };
            foreach (var x in await ListOnceAsync("handbook.getRecordMulti", p, "records", "record", cancellationToken).ConfigureAwait(false))
                records.Add(_read.Record(x, handbook, null));
        }
        return records;
    }

    /// <summary>Adds a record (or a group) to a handbook (handbook.addRecord) and returns it as PlanFix now has it.</summary>
    public async Task<PlanFixHandbookRecord> AddHandbookRecordAsync(string handbookNameOrId, PlanFixHandbookRecordDraft draft, CancellationToken cancellationToken = default)
    {
        var handbook = await ResolveHandbookAsync(handbookNameOrId, cancellationToken).ConfigureAwait(false);
        var (request, custom) = RecordRequest(handbook, draft, adding: true);
        var response = await CallWithCustomAsync("handbook.addRecord", request, custom, cancellationToken).ConfigureAwait(false);
        return await GetHandbookRecordAsync(handbook, KeyOf(response, "handbook.addRecord"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a record (handbook.updateRecord): the values given, by field name or id.</summary>
    public async Task<PlanFixHandbookRecord> UpdateHandbookRecordAsync(string handbookNameOrId, PlanFixHandbookRecordDraft draft, bool readBack,
        bool silent = false, CancellationToken cancellationToken = default)
    {
        var handbook = await ResolveHandbookAsync(handbookNameOrId, cancellationToken).ConfigureAwait(false);
        if (draft.Key is not long key) throw new ArgumentException("A change to a handbook record needs its Key.", nameof(draft));
        var (request, custom) = RecordRequest(handbook, draft, adding: false);
        if (silent) request.AddFirst(new XElement("silent", 1));
        await CallWithCustomAsync("handbook.updateRecord", request, custom, cancellationToken).ConfigureAwait(false);
        return readBack ? await GetHandbookRecordAsync(handbook, key, cancellationToken).ConfigureAwait(false) : new PlanFixHandbookRecord { HandbookId = handbook.Id, HandbookName = handbook.Name, Key = key };
    }

    private async Task<PlanFixHandbookRecord> GetHandbookRecordAsync(PlanFixHandbook handbook, long key, CancellationToken cancellationToken)
    {
        var p = new Dictionary<string, object?> { ["handbook"] = new Dictionary<string, object?> { ["id"] = handbook.Id }, ["key"] = key };
        var response = await CallAsync("handbook.getRecord", p, cancellationToken).ConfigureAwait(false);
        return _read.Record(Required(response, "record", "handbook.getRecord"), handbook, null);
    }

    private (XElement Request, List<CustomValueToSend> Custom) RecordRequest(PlanFixHandbook handbook, PlanFixHandbookRecordDraft d, bool adding)
    {
        var custom = new List<CustomValueToSend>();
        var unknown = new List<string>();
        foreach (var kv in d.Values)
        {
            var field = handbook.Fields[kv.Key.Trim()];
            if (field is null) unknown.Add(kv.Key);
            else custom.Add(new CustomValueToSend(field.Id, field.Name ?? kv.Key, PlanFixValueText.Format(kv.Value, Connection.TimeZone)));
        }
        if (unknown.Count > 0)
            throw Invalid("Values", $"{string.Join(", ", unknown.Select(n => $"'{n}'"))} {(unknown.Count == 1 ? "is not a field" : "are not fields")} of handbook " +
                                    $"'{handbook.Name ?? handbook.Id.ToString(CultureInfo.InvariantCulture)}' (its fields: {string.Join(", ", handbook.Fields.Select(f => f.Name))}); nothing was sent");
        var request = new XElement("request", new XElement("handbook", new XElement("id", handbook.Id)));
        if (d.Key is long key && !adding) request.Add(new XElement("key", key));
        if (d.ParentKey is long parent) request.Add(new XElement("parentKey", parent));
        if (adding && d.IsGroup == true) request.Add(new XElement("isGroup", 1));
        if (d.Name is not null) request.Add(new XElement("name", d.Name));
        if (d.Archived is bool archived) request.Add(new XElement("archived", archived ? 1 : 0));
        if (custom.Count > 0) request.Add(CustomDataElement(custom));
        return (request, custom);
    }

    private static long KeyOf(XElement response, string method) =>
        long.TryParse(response.Element("key")?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"PlanFix {method} answered ok without <key>.") { Method = "POST", Path = method };
}
