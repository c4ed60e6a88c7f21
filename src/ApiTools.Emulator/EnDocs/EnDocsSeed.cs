using System.Collections;
using ApiTools.Emulator.EnDocs;

namespace ApiTools.Emulator;

/// <summary>
/// The EnDocs data: deterministic for a seed, dates relative to the emulator's start, and the writes made
/// since (reflected in later reads). Documents are generated from their index on each access, so huge
/// counts (200,000 invoices) seed at once; changed and new documents are kept beside them.
/// Every property and method shows the data as it is now; each call takes a snapshot.
/// </summary>
public sealed class EnDocsSeed
{
    private readonly object _gate = new();
    private readonly EnDocsGenerator _generator;
    private Live _live;

    private EnDocsSeed(EnDocsGenerator generator, SeedEnDocsAccount account, IReadOnlyList<SeedEnDocsUser> users)
    {
        _generator = generator;
        Account = account;
        Users = users;
        _live = NewLive();
    }

    internal static EnDocsSeed Generate(EmulatorOptions options, DateTimeOffset now)
    {
        var startedAt = new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        int[] counts = [options.EnDocsContracts, options.EnDocsInvoices, options.EnDocsInputs, options.EnDocsNonForm];
        var generator = new EnDocsGenerator(options.Seed, counts, startedAt, EnDocsGenerator.ReferencesFor(options));
        var users = EnDocsGenerator.Users(options.Seed, options.EnDocsUsers);
        var account = new SeedEnDocsAccount(1, "ООО Ромашка", "7701234567", "770101001", "office@romashka.ru");
        return new EnDocsSeed(generator, account, users);
    }

    /// <summary>The moment the data was generated (UTC, whole seconds); seeded dates are up to 120 days before it.</summary>
    public DateTimeOffset StartedAt => _generator.StartedAt;

    /// <summary>The account every token belongs to (GET /Output/GetClientInfo).</summary>
    public SeedEnDocsAccount Account { get; }

    /// <summary>The account's users (GET /Output/GetClientUsers).</summary>
    public IReadOnlyList<SeedEnDocsUser> Users { get; }

    /// <summary>The account's own organisations as they are now (a document's <c>organization</c>): the seeded ones, then
    /// those writes made.</summary>
    public IReadOnlyList<SeedEnDocsOrganization> Organizations
    {
        get { lock (_gate) return [.. _live.Organizations]; }
    }

    /// <summary>Size of the big seeded file: the only file of the third non-form document.</summary>
    public const int BigFileSize = EnDocsGenerator.BigFileSize;

    /// <summary>Contractors as they are now, by id (seeded ones first; half of them have an ext_ID).</summary>
    public IReadOnlyList<SeedEnDocsContractor> Contractors
    {
        get { lock (_gate) return [.. _live.Contractors]; }
    }

    /// <summary>Departments as they are now, by id.</summary>
    public IReadOnlyList<SeedEnDocsDepartment> Departments
    {
        get { lock (_gate) return [.. _live.Departments]; }
    }

    /// <summary>Employees as they are now, by id.</summary>
    public IReadOnlyList<SeedEnDocsEmployee> Employees
    {
        get { lock (_gate) return [.. _live.Employees]; }
    }

    /// <summary>Approvals and rejections applied so far, oldest first.</summary>
    public IReadOnlyList<SeedEnDocsApproval> Approvals
    {
        get { lock (_gate) return [.. _live.Approvals]; }
    }

    /// <summary>
    /// Every document of a kind as it is now (those with an ext_ID included), ascending by id; generated on
    /// access, so a 200,000-item view costs nothing until read.
    /// </summary>
    public IReadOnlyList<SeedEnDocsDocument> Documents(EnDocsDocumentKind kind) => Snapshot(kind);

    /// <summary>What a list endpoint answers for <paramref name="afterId"/>: id above it, no ext_ID, ascending.</summary>
    public IEnumerable<SeedEnDocsDocument> Listed(EnDocsDocumentKind kind, long afterId = 0) => Snapshot(kind).Listed(afterId);

    /// <summary>A document of any kind by id, or null.</summary>
    public SeedEnDocsDocument? FindDocument(long id)
    {
        lock (_gate) return FindLocked(id);
    }

    /// <summary>A document of any kind by its ext_ID, or null.</summary>
    public SeedEnDocsDocument? FindDocumentByExtId(string extId)
    {
        ArgumentNullException.ThrowIfNull(extId);
        lock (_gate) return FindByExtLocked(extId);
    }

    /// <summary>A document's files (empty when it has none), or null for an unknown id.</summary>
    public IReadOnlyList<SeedEnDocsFile>? FilesOf(long id)
    {
        lock (_gate)
        {
            if (_live.Files.TryGetValue(id, out var files)) return files;
            if (FindLocked(id) is null) return null;
            if (!_generator.TryLocate(id, out var kind, out var ordinal)) return [];
            return _generator.FilesOf(kind, ordinal, _generator.Document(kind, ordinal));
        }
    }

    /// <summary>Writes applied (answered 2xx) on a route since start or the last reset.</summary>
    public int AppliedWrites(string routeKey)
    {
        lock (_gate) return _live.Applied.GetValueOrDefault(routeKey);
    }

    /// <summary>Every write received since start or the last reset, oldest first: its route, its body as sent and the status
    /// it was answered with (also at GET /_emulator/endocs/writes).</summary>
    public IReadOnlyList<EnDocsWriteRecord> Writes
    {
        get { lock (_gate) return [.. _live.Writes]; }
    }

    /// <summary>True when a document was deleted (declined, or turned into a document or contract).</summary>
    public bool IsDeleted(long id)
    {
        lock (_gate) return _live.Deleted.Contains(id);
    }

    // --- internal: reads --------------------------------------------------------------------------------

    internal DocumentSnapshot Snapshot(EnDocsDocumentKind kind)
    {
        lock (_gate)
            return new DocumentSnapshot(_generator, kind, new Dictionary<long, SeedEnDocsDocument>(_live.Overrides[(int)kind]), [.. _live.Appended[(int)kind]], [.. _live.Deleted]);
    }

    internal SeedEnDocsContractor? ContractorById(long? id)
    {
        if (id is null) return null;
        lock (_gate) return _live.ContractorsById.GetValueOrDefault(id.Value);
    }

    /// <summary>Contractors by id as they are now (a copy), for writing many documents.</summary>
    internal Dictionary<long, SeedEnDocsContractor> ContractorLookup()
    {
        lock (_gate) return new Dictionary<long, SeedEnDocsContractor>(_live.ContractorsById);
    }

    /// <summary>Under the gate: a contractor by id.</summary>
    internal SeedEnDocsContractor? ContractorByIdLocked(long? id) => id is null ? null : _live.ContractorsById.GetValueOrDefault(id.Value);

    internal SeedEnDocsOrganization? OrganizationById(long? id)
    {
        if (id is null) return null;
        lock (_gate) return _live.Organizations.Find(o => o.Id == id);
    }

    /// <summary>Under the gate: an organisation by id.</summary>
    internal SeedEnDocsOrganization? OrganizationByIdLocked(long? id) => id is null ? null : _live.Organizations.Find(o => o.Id == id);

    // --- internal: writes (each runs under the gate through Apply) ------------------------------------

    /// <summary>
    /// Runs a write under the gate and logs it. EnDocs' RequestID is only logged (the backend deduplicates nothing), so a
    /// repeat acts again; what keeps a repeated AddOrUpdate harmless is its key (Ext_ID). 2xx answers count as applied.
    /// </summary>
    internal WriteAnswer Apply(string routeKey, string body, Func<WriteAnswer> write)
    {
        lock (_gate)
        {
            var answer = write();
            if (answer.Status is >= 200 and < 300) _live.Applied[routeKey] = _live.Applied.GetValueOrDefault(routeKey) + 1;
            _live.Writes.Add(new EnDocsWriteRecord(routeKey, body, answer.Status));
            return answer;
        }
    }

    /// <summary>Logs a write refused before it reached the data (a body that does not parse, a field missing).</summary>
    internal void LogRefused(string routeKey, string body, int status)
    {
        lock (_gate) _live.Writes.Add(new EnDocsWriteRecord(routeKey, body, status));
    }

    /// <summary>Under the gate (inside <see cref="Apply"/>): creates or merges a contractor keyed by Ext_ID; true when created.</summary>
    internal bool UpsertContractor(string extId, Func<SeedEnDocsContractor?, long, SeedEnDocsContractor> make, out SeedEnDocsContractor stored) =>
        UpsertContractor(_live.Contractors.Find(c => c.ExtId == extId), make, out stored);

    private bool UpsertContractor(SeedEnDocsContractor? existing, Func<SeedEnDocsContractor?, long, SeedEnDocsContractor> make, out SeedEnDocsContractor stored)
    {
        var created = Upsert(_live.Contractors, c => ReferenceEquals(c, existing), c => c.Id, ref _live.NextContractorId, make, out stored);
        _live.ContractorsById[stored.Id] = stored;
        return created;
    }

    internal SeedEnDocsContractor? ContractorByExtIdLocked(string extId) => _live.Contractors.Find(c => c.ExtId == extId);

    internal bool UpsertDepartment(string extId, Func<SeedEnDocsDepartment?, long, SeedEnDocsDepartment> make, out SeedEnDocsDepartment stored) =>
        Upsert(_live.Departments, d => d.ExtId == extId, d => d.Id, ref _live.NextDepartmentId, make, out stored);

    /// <summary>Under the gate: an employee keyed by Ext_ID, or by e-mail when it has none (inferred: the help makes Ext_ID optional).</summary>
    internal bool UpsertEmployee(string? extId, string? email, Func<SeedEnDocsEmployee?, long, SeedEnDocsEmployee> make, out SeedEnDocsEmployee stored) =>
        Upsert(_live.Employees,
            e => !string.IsNullOrEmpty(extId) ? e.ExtId == extId : !string.IsNullOrEmpty(email) && string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase),
            e => e.Id, ref _live.NextEmployeeId, make, out stored);

    /// <summary>Under the gate: the organisation a write names, found by Ext_ID, else by INN and KPP; made when there is
    /// none and the write names it (null when it must be made but has no name). A found one takes the write's name, INN
    /// and KPP, as EnDocs overwrites it.</summary>
    internal SeedEnDocsOrganization? UpsertOrganization(string extId, string? name, string? inn, string? kpp)
    {
        var index = _live.Organizations.FindIndex(o => string.Equals(o.ExtId, extId, StringComparison.Ordinal));
        if (index < 0 && !string.IsNullOrEmpty(inn))
            index = _live.Organizations.FindIndex(o => o.Inn == inn && o.Kpp == kpp);
        if (index >= 0)
        {
            var found = _live.Organizations[index];
            var changed = found with { ExtId = extId, Name = name ?? found.Name, Inn = inn ?? found.Inn, Kpp = kpp ?? found.Kpp };
            _live.Organizations[index] = changed;
            return changed;
        }
        if (string.IsNullOrWhiteSpace(name)) return null;
        var made = new SeedEnDocsOrganization(_live.Organizations.Count == 0 ? 1 : _live.Organizations.Max(o => o.Id) + 1, name, inn, kpp, extId);
        _live.Organizations.Add(made);
        return made;
    }

    /// <summary>Under the gate: a contractor of <paramref name="organizationId"/> by Ext_ID, else by INN and KPP; made when
    /// there is none and the write names it (null when it must be made but has no name). EnDocs keeps contractors per organization.</summary>
    internal SeedEnDocsContractor? UpsertPartyContractor(long organizationId, string extId, string? name, string? inn, string? kpp)
    {
        var existing = _live.Contractors.Find(c => c.OrganizationId == organizationId && c.ExtId == extId)
            ?? (string.IsNullOrEmpty(inn) ? null : _live.Contractors.Find(c => c.OrganizationId == organizationId && c.Inn == inn && c.Kpp == kpp));
        if (existing is null && string.IsNullOrWhiteSpace(name)) return null;
        UpsertContractor(existing, (old, id) => (old ?? new SeedEnDocsContractor(id, name!) { OrganizationId = organizationId }) with
        {
            ExtId = extId, Name = name ?? old!.Name, Inn = inn ?? old?.Inn, Kpp = kpp ?? old?.Kpp,
        }, out var stored);
        return stored;
    }

    private static bool Upsert<T>(List<T> list, Predicate<T> match, Func<T, long> idOf, ref long nextId, Func<T?, long, T> make, out T stored) where T : class
    {
        var index = list.FindIndex(match);
        if (index >= 0)
        {
            stored = make(list[index], idOf(list[index]));
            list[index] = stored;
            return false;
        }
        stored = make(null, nextId++);
        list.Add(stored);
        return true;
    }

    /// <summary>
    /// Under the gate: creates or replaces a document of <paramref name="kind"/> keyed by ext_ID (null ext_ID
    /// always creates); true when created. <paramref name="files"/> replace the document's files when given.
    /// </summary>
    internal bool UpsertDocument(EnDocsDocumentKind kind, string? extId, Func<SeedEnDocsDocument?, long, SeedEnDocsDocument> make,
        IReadOnlyList<SeedEnDocsFile>? files, out SeedEnDocsDocument stored, SeedEnDocsDocument? existing = null)
    {
        existing ??= string.IsNullOrEmpty(extId) ? null : FindByExtLocked(extId) is { } byExt && byExt.Kind == kind ? byExt : null;
        if (existing is not null)
        {
            stored = make(existing, existing.Id);
            Replace(stored);
            if (files is not null) _live.Files[stored.Id] = files;
            return false;
        }
        stored = make(null, _live.NextDocumentId++);
        _live.Appended[(int)stored.Kind].Add(stored);
        _live.AppendedById[stored.Id] = stored;
        if (!string.IsNullOrEmpty(stored.ExtId)) _live.ExtIds[stored.ExtId] = stored.Id;
        _live.Files[stored.Id] = files ?? [];
        return true;
    }

    /// <summary>Under the gate: a document by id for a change, or null.</summary>
    internal SeedEnDocsDocument? FindLockedForWrite(long id) => FindLocked(id);

    /// <summary>Under the gate: stores a changed version of an existing document (same id).</summary>
    internal void Replace(SeedEnDocsDocument changed)
    {
        if (_live.AppendedById.ContainsKey(changed.Id))
        {
            var list = _live.Appended[(int)changed.Kind];
            list[list.FindIndex(d => d.Id == changed.Id)] = changed;
            _live.AppendedById[changed.Id] = changed;
        }
        else
        {
            _live.Overrides[(int)changed.Kind][changed.Id] = changed;
        }
        if (!string.IsNullOrEmpty(changed.ExtId)) _live.ExtIds[changed.ExtId] = changed.Id;
    }

    internal void RecordApproval(SeedEnDocsApproval approval) => _live.Approvals.Add(approval);

    /// <summary>Under the gate: deletes a document (a declined non-form one, or one turned into a document): no list
    /// shows it and no lookup finds it any more.</summary>
    internal void Delete(long id)
    {
        _live.Deleted.Add(id);
        _live.Files.Remove(id);
    }

    /// <summary>Under the gate: a document's files now (empty for none), for a write that moves or adds files.</summary>
    internal IReadOnlyList<SeedEnDocsFile> FilesLocked(long id)
    {
        if (_live.Files.TryGetValue(id, out var files)) return files;
        if (FindLocked(id) is null || !_generator.TryLocate(id, out var kind, out var ordinal)) return [];
        return _generator.FilesOf(kind, ordinal, _generator.Document(kind, ordinal));
    }

    /// <summary>Under the gate: replaces a document's files.</summary>
    internal void SetFiles(long id, IReadOnlyList<SeedEnDocsFile> files) => _live.Files[id] = files;

    /// <summary>Back to the seed: every write, remembered RequestID and write counter forgotten.</summary>
    internal void Restore()
    {
        lock (_gate) _live = NewLive();
    }

    private SeedEnDocsDocument? FindLocked(long id)
    {
        if (_live.Deleted.Contains(id)) return null;
        if (_live.AppendedById.TryGetValue(id, out var appended)) return appended;
        if (!_generator.TryLocate(id, out var kind, out var ordinal)) return null;
        return _live.Overrides[(int)kind].TryGetValue(id, out var changed) ? changed : _generator.Document(kind, ordinal);
    }

    private SeedEnDocsDocument? FindByExtLocked(string extId)
    {
        if (_live.ExtIds.TryGetValue(extId, out var written)) return FindLocked(written);
        if (EnDocsGenerator.IdFromExtId(extId) is not { } id) return null;
        var document = FindLocked(id);
        return document is not null && string.Equals(document.ExtId, extId, StringComparison.OrdinalIgnoreCase) ? document : null;
    }

    private Live NewLive()
    {
        var seeded = _generator.References;
        var live = new Live
        {
            Contractors = [.. seeded.Contractors],
            Departments = [.. seeded.Departments],
            Employees = [.. seeded.Employees],
            Organizations = [.. seeded.Organizations],
            NextDocumentId = _generator.FirstFreeId,
            NextContractorId = (seeded.Contractors.Count == 0 ? 100 : seeded.Contractors.Max(c => c.Id)) + 1,
            NextDepartmentId = (seeded.Departments.Count == 0 ? 0 : seeded.Departments.Max(d => d.Id)) + 1,
            NextEmployeeId = (seeded.Employees.Count == 0 ? 0 : seeded.Employees.Max(e => e.Id)) + 1,
        };
        foreach (var c in live.Contractors) live.ContractorsById[c.Id] = c;
        return live;
    }

    private sealed class Live
    {
        public Dictionary<long, SeedEnDocsDocument>[] Overrides = [new(), new(), new(), new(), new()];
        public List<SeedEnDocsDocument>[] Appended = [[], [], [], [], []];
        public Dictionary<long, SeedEnDocsDocument> AppendedById = new();
        public Dictionary<string, long> ExtIds = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<long, IReadOnlyList<SeedEnDocsFile>> Files = new();
        public List<SeedEnDocsContractor> Contractors = [];
        public Dictionary<long, SeedEnDocsContractor> ContractorsById = new();
        public List<SeedEnDocsDepartment> Departments = [];
        public List<SeedEnDocsEmployee> Employees = [];
        public List<SeedEnDocsOrganization> Organizations = [];
        public List<SeedEnDocsApproval> Approvals = [];
        public List<EnDocsWriteRecord> Writes = [];
        public HashSet<long> Deleted = [];
        public Dictionary<string, int> Applied = new(StringComparer.Ordinal);
        public long NextDocumentId, NextContractorId, NextDepartmentId, NextEmployeeId;
    }
}

/// <summary>A write's answer: a JSON body, an error text (written as EnDocs writes it: see EnDocsJson.WriteTextAsync), or nothing (204).</summary>
internal sealed record WriteAnswer(int Status, byte[]? Body, string? Text = null)
{
    /// <summary>Where a created record can be found (EnDocs names the action's own route).</summary>
    public string? Location { get; init; }

    public static WriteAnswer Error(int status, string text) => new(status, null, text);
}

/// <summary>One write the emulator received: its route key, its body as sent and the status it was answered with.</summary>
public sealed record EnDocsWriteRecord(string Route, string Body, int Status);

/// <summary>
/// One kind's documents at one moment: the generated ones (with changed ones swapped in) followed by the
/// ones created since, ascending by id. Items are made on access.
/// </summary>
internal sealed class DocumentSnapshot(EnDocsGenerator generator, EnDocsDocumentKind kind,
    Dictionary<long, SeedEnDocsDocument> overrides, SeedEnDocsDocument[] appended, HashSet<long> deleted) : IReadOnlyList<SeedEnDocsDocument>
{
    private readonly int _generated = generator.Count(kind);

    public int Count => _generated + appended.Length;

    public SeedEnDocsDocument this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (index >= _generated) return appended[index - _generated];
            var id = generator.IdOf(kind, index);
            return overrides.TryGetValue(id, out var changed) ? changed : generator.Document(kind, index);
        }
    }

    /// <summary>How many documents a list answers: id above <paramref name="afterId"/>, no ext_ID. Cheap: no document is made.</summary>
    public int CountListed(long afterId)
    {
        var count = 0;
        for (var i = generator.FirstOrdinalAfter(kind, afterId); i < _generated; i++)
        {
            var id = generator.IdOf(kind, i);
            var hasExt = overrides.Count > 0 && overrides.TryGetValue(id, out var changed)
                ? changed.HasExtId
                : generator.HasExtId(kind, i);
            if (!hasExt && (deleted.Count == 0 || !deleted.Contains(id))) count++;
        }
        foreach (var document in appended)
            if (document.Id > afterId && !document.HasExtId && !deleted.Contains(document.Id)) count++;
        return count;
    }

    /// <summary>The documents a list answers, in order.</summary>
    public IEnumerable<SeedEnDocsDocument> Listed(long afterId)
    {
        for (var i = generator.FirstOrdinalAfter(kind, afterId); i < _generated; i++)
        {
            if (deleted.Count > 0 && deleted.Contains(generator.IdOf(kind, i))) continue;
            if (overrides.Count > 0 && overrides.TryGetValue(generator.IdOf(kind, i), out var changed))
            {
                if (!changed.HasExtId) yield return changed;
            }
            else if (!generator.HasExtId(kind, i))
            {
                yield return generator.Document(kind, i);
            }
        }
        foreach (var document in appended)
            if (document.Id > afterId && !document.HasExtId && !deleted.Contains(document.Id)) yield return document;
    }

    public IEnumerator<SeedEnDocsDocument> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
