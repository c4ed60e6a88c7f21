using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using ApiTools.Emulator.PlanFix;

namespace ApiTools.Emulator;

/// <summary>
/// The PlanFix data (deterministic for a seed, dates relative to the emulator's start), the writes made since
/// (reflected in later reads), the sids issued and the daily quota. Every property and method shows the state
/// as it is now; list properties return snapshots.
/// </summary>
public sealed partial class PlanFixSeed
{
    private readonly object _gate = new();
    private readonly PlanFixGenerator _generator;
    private readonly SeedPlanFixTask[] _seedTasks;
    private readonly SeedPlanFixProject[] _seedProjects;
    private readonly SeedPlanFixContact[] _seedContacts;
    private readonly List<SeedPlanFixRecord> _seedRecords;
    private readonly List<SeedPlanFixFile> _seedFiles;
    private readonly EmulatorSettings _settings;
    private readonly TimeProvider _time;
    private SeedPlanFixTask[] _tasks;
    private Dictionary<long, int> _taskIndex;
    private SeedPlanFixProject[] _projects;
    private SeedPlanFixContact[] _contacts;
    private List<SeedPlanFixRecord> _records;
    private List<SeedPlanFixFile> _files;
    private Dictionary<long, List<SeedPlanFixAction>> _addedActions = [];
    private long _nextActionId;
    private long _nextAnaliticKey;
    private readonly Dictionary<string, SidEntry> _sids = new(StringComparer.Ordinal);
    private readonly List<string> _sidsIssued = [];
    private DateOnly _quotaDay;
    private int _quotaUsed;

    private PlanFixSeed(PlanFixGenerator generator, EmulatorOptions options, EmulatorSettings settings, TimeProvider time)
    {
        _generator = generator;
        _settings = settings;
        _time = time;
        Account = options.PlanFixAccount;
        Users = generator.Users(options.PlanFixUsers);
        _seedContacts = [.. generator.Contacts(options.PlanFixContacts)];
        _seedProjects = [.. generator.Projects(options.PlanFixProjects, Users, _seedContacts)];
        _seedTasks = generator.Tasks(options.PlanFixTasks, Users, _seedProjects, _seedContacts);
        TaskTemplates = generator.TaskTemplates(Users);
        TemplateContact = generator.TemplateContact();
        _seedRecords = generator.Records();
        _seedFiles = generator.Files(_seedTasks, Users);
        Restore();
    }

    internal static PlanFixSeed Generate(EmulatorOptions options, EmulatorSettings settings, TimeProvider time, DateTimeOffset now)
    {
        var startedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return new PlanFixSeed(new PlanFixGenerator(options.Seed, startedAt, options.PlanFixTimeZone), options, settings, time);
    }

    /// <summary>The account requests must name (<c>&lt;account&gt;</c>).</summary>
    public string Account { get; }

    /// <summary>The moment the data was generated (UTC, whole minutes); seeded dates are relative to it.</summary>
    public DateTimeOffset StartedAt => _generator.StartedAt;

    /// <summary>The time zone of every PlanFix date on the wire.</summary>
    public TimeZoneInfo TimeZone => _generator.TimeZone;

    /// <summary>Users, by id (ids 1001…); the first token and the first login act as the first user.</summary>
    public IReadOnlyList<SeedPlanFixUser> Users { get; }

    /// <summary>Projects as they are now (writes included), by id.</summary>
    public IReadOnlyList<SeedPlanFixProject> Projects
    {
        get { lock (_gate) return _projects; }
    }

    /// <summary>Contacts as they are now (writes included), by id; the template contact is not among them.</summary>
    public IReadOnlyList<SeedPlanFixContact> Contacts
    {
        get { lock (_gate) return _contacts; }
    }

    /// <summary>The template contact (target=template).</summary>
    public SeedPlanFixContact TemplateContact { get; }

    /// <summary>Tasks as they are now (writes included), by id; templates are not among them.</summary>
    public IReadOnlyList<SeedPlanFixTask> Tasks
    {
        get { lock (_gate) return [.. _tasks]; }
    }

    /// <summary>The task templates (target=template).</summary>
    public IReadOnlyList<SeedPlanFixTask> TaskTemplates { get; }

    /// <summary>Handbook records as they are now (writes included).</summary>
    public IReadOnlyList<SeedPlanFixRecord> Records
    {
        get { lock (_gate) return [.. _records]; }
    }

    /// <summary>Every version of every file as it is now (uploads included).</summary>
    public IReadOnlyList<SeedPlanFixFile> Files
    {
        get { lock (_gate) return [.. _files]; }
    }

    /// <summary>The task with this id as it is now (a template too), or null.</summary>
    public SeedPlanFixTask? FindTask(long id)
    {
        lock (_gate) return _taskIndex.TryGetValue(id, out var i) ? _tasks[i] : TaskTemplates.FirstOrDefault(t => t.Id == id);
    }

    /// <summary>The task with this general number (the one users see), or null.</summary>
    public SeedPlanFixTask? FindTaskByGeneral(long general)
    {
        lock (_gate) return _tasks.FirstOrDefault(t => t.General == general);
    }

    /// <summary>The actions of a task, oldest first (seeded ones, then added ones); empty for an unknown task.</summary>
    public IReadOnlyList<SeedPlanFixAction> ActionsOf(long taskId)
    {
        SeedPlanFixTask? task;
        List<SeedPlanFixAction>? added;
        lock (_gate)
        {
            task = _taskIndex.TryGetValue(taskId, out var i) ? _tasks[i] : null;
            if (task is null) return [];
            added = _addedActions.TryGetValue(taskId, out var list) ? [.. list] : null;
        }
        var ordinal = SeededOrdinal(taskId);
        IEnumerable<SeedPlanFixAction> seeded = ordinal >= 0 ? _generator.Actions(ordinal, _seedTasks[ordinal], Users) : [];
        return [.. seeded, .. added ?? []];
    }

    /// <summary>The actions added to a contact (by its general number), oldest first.</summary>
    public IReadOnlyList<SeedPlanFixAction> ActionsOfContact(long general)
    {
        lock (_gate) return [.. _addedActions.Values.SelectMany(a => a).Where(a => a.ContactGeneral == general)];
    }

    /// <summary>One action by id (seeded or added), or null.</summary>
    public SeedPlanFixAction? FindAction(long id)
    {
        lock (_gate)
            foreach (var list in _addedActions.Values)
                if (list.FirstOrDefault(a => a.Id == id) is { } added) return added;
        var ordinal = (id - PlanFixGenerator.ActionIdBase) / PlanFixGenerator.ActionsPerTaskSlot;
        if (id < PlanFixGenerator.ActionIdBase || ordinal >= _seedTasks.Length) return null;
        return _generator.Actions((int)ordinal, _seedTasks[ordinal], Users).FirstOrDefault(a => a.Id == id);
    }

    /// <summary>Every sid <c>auth.login</c> handed out since start or the last reset, in order.</summary>
    public IReadOnlyList<string> SidsIssued
    {
        get { lock (_gate) return [.. _sidsIssued]; }
    }

    /// <summary>Requests the account has left today (what <c>X-RateLimit-Remaining</c> says).</summary>
    public int QuotaLeft
    {
        get { lock (_gate) return Math.Max(0, _settings.PlanFixDailyQuota - UsedToday()); }
    }

    internal PlanFixGenerator Generator => _generator;

    internal SeedPlanFixUser? FindUser(long id) => Users.FirstOrDefault(u => u.Id == id);

    internal SeedPlanFixProject? FindProject(long id) => Projects.FirstOrDefault(p => p.Id == id);

    internal SeedPlanFixContact? FindContact(long id) => id == TemplateContact.Id ? TemplateContact : Contacts.FirstOrDefault(c => c.Id == id);

    internal SeedPlanFixContact? FindContactByUserId(long userId) => Contacts.FirstOrDefault(c => c.UserId == userId);

    internal SeedPlanFixContact? FindContactByGeneral(long general) => general == TemplateContact.General ? TemplateContact : Contacts.FirstOrDefault(c => c.General == general);

    /// <summary>The current task array (never changed in place: writes replace it).</summary>
    internal SeedPlanFixTask[] TaskSnapshot()
    {
        lock (_gate) return _tasks;
    }

    internal SeedPlanFixTask AddTask(Func<long, long, SeedPlanFixTask> make)
    {
        lock (_gate)
        {
            var id = _tasks.Length == 0 ? PlanFixGenerator.TaskIdBase : _tasks[^1].Id + PlanFixGenerator.TaskIdStep;
            var general = _tasks.Length == 0 ? PlanFixGenerator.GeneralBase : _tasks.Max(t => t.General) + 1;
            var task = make(id, general);
            _tasks = [.. _tasks, task];
            _taskIndex = new Dictionary<long, int>(_taskIndex) { [task.Id] = _tasks.Length - 1 };
            return task;
        }
    }

    /// <summary>Replaces a task under the lock; null when it does not exist.</summary>
    internal SeedPlanFixTask? UpdateTask(long id, Func<SeedPlanFixTask, SeedPlanFixTask> change)
    {
        lock (_gate)
        {
            if (!_taskIndex.TryGetValue(id, out var i)) return null;
            var copy = (SeedPlanFixTask[])_tasks.Clone();
            copy[i] = change(copy[i]) with { ChangedAt = _generator.Local(_time.GetUtcNow()) };
            _tasks = copy;
            return copy[i];
        }
    }

    internal SeedPlanFixAction? AddAction(long taskId, string description, long ownerId, DateTimeOffset at) =>
        AddAction(taskId, id => new SeedPlanFixAction(id, taskId, description, at, ownerId) { Type = "COMMENT" });

    /// <summary>Adds an action made by <paramref name="make"/> (given its id) to a task (or, with task 0, a contact); null for an unknown task.</summary>
    internal SeedPlanFixAction? AddAction(long taskId, Func<long, SeedPlanFixAction> make)
    {
        lock (_gate)
        {
            if (taskId != 0 && !_taskIndex.ContainsKey(taskId)) return null;
            var action = make(_nextActionId++);
            if (!_addedActions.TryGetValue(taskId, out var list)) _addedActions[taskId] = list = [];
            list.Add(action);
            return action;
        }
    }

    /// <summary>A new analitic data row key.</summary>
    internal long NextAnaliticKey()
    {
        lock (_gate) return _nextAnaliticKey++;
    }

    /// <summary>The analitic data rows of <paramref name="keys"/> that exist (seeded or added).</summary>
    internal IReadOnlyList<SeedPlanFixAnaliticData> AnaliticData(IEnumerable<long> keys)
    {
        var wanted = keys.ToHashSet();
        var found = new List<SeedPlanFixAnaliticData>();
        lock (_gate) found.AddRange(_addedActions.Values.SelectMany(a => a).SelectMany(a => a.Analitics).Where(d => wanted.Contains(d.Key)));
        foreach (var key in wanted.Where(k => k is >= 600_000 and < FirstAddedAnaliticKey))
        {
            var ordinal = (key - 600_000) / 8;
            if (ordinal >= _seedTasks.Length) continue;
            found.AddRange(_generator.Actions((int)ordinal, _seedTasks[ordinal], Users).SelectMany(a => a.Analitics).Where(d => d.Key == key));
        }
        return found;
    }

    internal string IssueSid(string account, long userId)
    {
        var sid = RandomNumberGenerator.GetHexString(32, lowercase: true);
        lock (_gate)
        {
            _sids[sid] = new SidEntry(account, userId, _time.GetTimestamp());
            _sidsIssued.Add(sid);
        }
        return sid;
    }

    /// <summary>The user a live sid of this account belongs to, or null (unknown, expired or another account's).</summary>
    internal long? UserOfSid(string sid, string account)
    {
        lock (_gate)
        {
            if (!_sids.TryGetValue(sid, out var entry) || entry.Account != account) return null;
            if (_time.GetElapsedTime(entry.IssuedAt) >= _settings.PlanFixSidTtl)
            {
                _sids.Remove(sid);
                return null;
            }
            return entry.UserId;
        }
    }

    internal void ExpireSid(string sid)
    {
        lock (_gate) _sids.Remove(sid);
    }

    /// <summary>Spends one request of today's quota; false (nothing spent) once it is used up.</summary>
    internal bool TrySpendQuota(out int left)
    {
        lock (_gate)
        {
            var used = UsedToday();
            var quota = _settings.PlanFixDailyQuota;
            if (used >= quota)
            {
                left = 0;
                return false;
            }
            _quotaUsed = used + 1;
            left = quota - _quotaUsed;
            return true;
        }
    }

    /// <summary>Back to the seed (where a new seed starts too): writes, sids and the quota forgotten.</summary>
    [MemberNotNull(nameof(_tasks), nameof(_taskIndex), nameof(_projects), nameof(_contacts), nameof(_records), nameof(_files))]
    internal void Restore()
    {
        lock (_gate)
        {
            _tasks = _seedTasks;
            _taskIndex = Index(_tasks);
            _projects = _seedProjects;
            _contacts = _seedContacts;
            _records = [.. _seedRecords];
            _files = [.. _seedFiles];
            _addedActions = [];
            _nextActionId = FirstAddedActionId;
            _nextAnaliticKey = FirstAddedAnaliticKey;
            _sids.Clear();
            _sidsIssued.Clear();
            _quotaUsed = 0;
        }
    }

    /// <summary>The local date now; a new day (PlanFix time zone) starts a new quota.</summary>
    private int UsedToday()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), TimeZone).DateTime);
        if (today != _quotaDay)
        {
            _quotaDay = today;
            _quotaUsed = 0;
        }
        return _quotaUsed;
    }

    private long FirstAddedActionId => PlanFixGenerator.ActionIdBase + PlanFixGenerator.ActionsPerTaskSlot * (_seedTasks.Length + 1);

    private const long FirstAddedAnaliticKey = 9_000_000;

    private int SeededOrdinal(long taskId)
    {
        var offset = taskId - PlanFixGenerator.TaskIdBase;
        if (offset < 0 || offset % PlanFixGenerator.TaskIdStep != 0) return -1;
        var ordinal = offset / PlanFixGenerator.TaskIdStep;
        return ordinal < _seedTasks.Length ? (int)ordinal : -1;
    }

    private static Dictionary<long, int> Index(SeedPlanFixTask[] tasks)
    {
        var index = new Dictionary<long, int>(tasks.Length);
        for (var i = 0; i < tasks.Length; i++) index[tasks[i].Id] = i;
        return index;
    }

    private sealed record SidEntry(string Account, long UserId, long IssuedAt);
}
