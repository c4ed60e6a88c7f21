namespace ApiTools.Emulator;

// The PlanFix objects as the emulator serves them: one property per wire element (camelCase on the wire,
// PascalCase here). Dates are in the emulator's PlanFix time zone, whole minutes (the wire has no seconds).

/// <summary>A group of users (worker groups of tasks, a user's groups).</summary>
public sealed record SeedPlanFixUserGroup(long Id, string Name);

/// <summary>A PlanFix user (<c>user.get</c>/<c>user.getList</c>); <see cref="Name"/> is the first name. <see cref="Active"/>
/// goes out as <c>status</c> ACTIVE/UNACTIVE and <c>isActivated</c>, as a real answer has them.</summary>
public sealed record SeedPlanFixUser(long Id, string Name, string LastName, string Email, bool Active, string Login, string Role,
    IReadOnlyList<long> GroupIds)
{
    /// <summary>"Name LastName", as tasks, projects and actions name their owner.</summary>
    public string FullName => $"{Name} {LastName}";
}

/// <summary>One value of a custom field (<c>customData/customValue</c>): the field, the stored value and its display text.</summary>
public sealed record SeedPlanFixCustomValue(long FieldId, string FieldName, string Value, string Text);

/// <summary>A custom field of tasks, contacts or projects: its type decides which values PlanFix takes and how it shows them.</summary>
public sealed record SeedPlanFixCustomField(long Id, string Name, string Type, IReadOnlyList<string> List, string Unit = "");

/// <summary>A PlanFix project; <see cref="Status"/> is ACTIVE, DRAFT or COMPLETED.</summary>
public sealed record SeedPlanFixProject(long Id, string Title, string Description, long OwnerId, string Status, long? ClientId = null,
    long? GroupId = null, long? ParentId = null, bool Hidden = false, DateTimeOffset? EndDate = null, DateTimeOffset? BeginDate = null,
    IReadOnlyList<long>? WorkerIds = null, IReadOnlyList<SeedPlanFixCustomValue>? CustomData = null);

/// <summary>One phone of a contact.</summary>
public sealed record SeedPlanFixPhone(string Number, long TypeId, string TypeName);

/// <summary>A PlanFix contact: <see cref="Id"/>, <see cref="UserId"/> and <see cref="General"/> are three different numbers.
/// A template contact (<see cref="IsTemplate"/>) is listed with target=template only.</summary>
public sealed record SeedPlanFixContact(long Id, long UserId, long General, string Name, string LastName, string Email,
    IReadOnlyList<SeedPlanFixPhone> Phones, string Post, bool IsCompany, string MidName = "", string Address = "", string Description = "",
    string Sex = "", string Site = "", string Skype = "", DateTimeOffset? Birthdate = null, long? GroupId = null, long? CompanyId = null,
    long? TemplateId = null, bool IsTemplate = false, DateTimeOffset? CreatedAt = null, IReadOnlyList<SeedPlanFixCustomValue>? CustomData = null)
{
    /// <summary>"Name LastName" (a company: its name), as a task's <c>client/name</c>.</summary>
    public string FullName => LastName.Length == 0 ? Name : $"{Name} {LastName}";

    /// <summary>The first phone's number, or "".</summary>
    public string Phone => Phones.Count > 0 ? Phones[0].Number : "";
}

/// <summary>How a periodic task repeats (<c>periodicity</c>): one of daily, weekly, monthly, with its start, end and notice.</summary>
public sealed record SeedPlanFixPeriodicity(string Kind, string Type, int Shift, DateTimeOffset StartDate, int RepeatCount);

/// <summary>
/// A PlanFix task. <see cref="Status"/> is a status id of its <see cref="StatusSet"/>. <see cref="StartTime"/> is a date
/// (midnight) unless <see cref="StartTimeHasTime"/>; <see cref="EndTime"/> goes out with its time when
/// <see cref="EndTimeHasTime"/>, else as a date. A template (<see cref="IsTemplate"/>) is listed with target=template only.
/// </summary>
public sealed record SeedPlanFixTask(
    long Id,
    long General,
    string Title,
    string Description,
    string Importance,
    int Status,
    int StatusSet,
    long OwnerId,
    long? ProjectId,
    long? ClientId,
    DateTimeOffset BeginDateTime,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    bool EndTimeHasTime,
    IReadOnlyList<long> WorkerIds,
    IReadOnlyList<SeedPlanFixCustomValue> CustomData)
{
    public IReadOnlyList<long> WorkerGroupIds { get; init; } = [];
    public IReadOnlyList<long> MemberIds { get; init; } = [];
    public IReadOnlyList<long> MemberGroupIds { get; init; } = [];
    public IReadOnlyList<long> AuditorIds { get; init; } = [];
    public IReadOnlyList<long> AuditorGroupIds { get; init; } = [];
    public long ParentId { get; init; }
    public bool StartTimeHasTime { get; init; }
    public bool CheckResult { get; init; }
    public bool IsSummary { get; init; }
    public int? Duration { get; init; }
    public int DurationUnit { get; init; }
    public bool IsTemplate { get; init; }
    public SeedPlanFixPeriodicity? Periodicity { get; init; }

    /// <summary>When it last changed (a write or its creation): what filter type 38 compares.</summary>
    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>A row of analitic data an action carries (<c>analitics/analitic{id,key,name}</c>; its items by analitic.getData).</summary>
public sealed record SeedPlanFixAnaliticData(long Key, long AnaliticId, IReadOnlyList<(long FieldId, string Value, string? ValueId)> Items);

/// <summary>An action (comment) on a task, or on a contact (<see cref="ContactGeneral"/>).</summary>
public sealed record SeedPlanFixAction(long Id, long TaskId, string Description, DateTimeOffset DateTime, long OwnerId)
{
    public string Type { get; init; } = "ACTION";
    public long? ContactGeneral { get; init; }
    public (int Old, int New)? StatusChange { get; init; }
    public IReadOnlyList<SeedPlanFixAnaliticData> Analitics { get; init; } = [];
    public IReadOnlyList<long> FileIds { get; init; } = [];
    public IReadOnlyList<long> NotifiedIds { get; init; } = [];
    public bool DateChanged { get; init; }
}

/// <summary>A status set (process) and its statuses, in order.</summary>
public sealed record SeedPlanFixStatusSet(long Id, string Name, IReadOnlyList<int> StatusIds);

/// <summary>One task status (ids are the account's; a set lists the ones it uses).</summary>
public sealed record SeedPlanFixStatus(int Id, string Name, string NameEn, string Color, bool IsActive, bool HasDeadline, string? SystemValue);

/// <summary>A field of a handbook or an analitic: STRING, NUMBER, DATE, LIST, HANDBOOK, TIMEPERIOD, TEXT, LOGINLIST…</summary>
public sealed record SeedPlanFixField(long Id, int Num, string Name, string Type, IReadOnlyList<string> List, long? HandbookId = null);

/// <summary>A handbook and its structure.</summary>
public sealed record SeedPlanFixHandbook(long Id, string Name, long GroupId, string GroupName, IReadOnlyList<SeedPlanFixField> Fields);

/// <summary>A record (or a group of records) of a handbook; values by field id.</summary>
public sealed record SeedPlanFixRecord(long HandbookId, long Key, long ParentKey, bool IsGroup, string Name, bool Archived,
    IReadOnlyList<(long FieldId, string Value)> Values);

/// <summary>An analitic (a form of rows added to actions) and its fields.</summary>
public sealed record SeedPlanFixAnalitic(long Id, string Name, long GroupId, string GroupName, IReadOnlyList<SeedPlanFixField> Fields);

/// <summary>A version of a file attached to a task: <see cref="Id"/> is shared by its versions, <see cref="UniqueId"/> names this one.</summary>
public sealed record SeedPlanFixFile(long Id, long UniqueId, string Name, int Version, string Description, DateTimeOffset Date,
    long TaskId, long UserId, byte[] Content);
