namespace ApiTools.Emulator;

// The PlanFix objects as the emulator serves them: one property per wire element (camelCase on the wire,
// PascalCase here). Dates are in the emulator's PlanFix time zone, whole minutes (the wire has no seconds).

/// <summary>A PlanFix user (<c>user.get</c>/<c>user.getList</c>); <see cref="Name"/> is the first name.</summary>
public sealed record SeedPlanFixUser(long Id, string Name, string LastName, string Email, bool Active)
{
    /// <summary>"Name LastName", as tasks, projects and actions name their owner.</summary>
    public string FullName => $"{Name} {LastName}";
}

/// <summary>A PlanFix project; <see cref="Status"/> is ACTIVE, DRAFT or COMPLETED (inferred).</summary>
public sealed record SeedPlanFixProject(long Id, string Title, string Description, long OwnerId, string Status);

/// <summary>A PlanFix contact: <see cref="Id"/>, <see cref="UserId"/> and <see cref="General"/> are three different numbers.</summary>
public sealed record SeedPlanFixContact(long Id, long UserId, long General, string Name, string LastName, string Email,
    string Phone, string Post, bool IsCompany)
{
    /// <summary>"Name LastName" (a company: its name), as a task's <c>client/name</c>.</summary>
    public string FullName => LastName.Length == 0 ? Name : $"{Name} {LastName}";
}

/// <summary>One value of a task's custom field (<c>customData/customValue</c>).</summary>
public sealed record SeedPlanFixCustomValue(long FieldId, string FieldName, string Value, string Text);

/// <summary>
/// A PlanFix task. <see cref="Status"/>: 1 new, 2 in work, 3 done. <see cref="StartTime"/> is a date (midnight);
/// <see cref="EndTime"/> goes out with its time when <see cref="EndTimeHasTime"/>, else as a date.
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
    IReadOnlyList<SeedPlanFixCustomValue> CustomData);

/// <summary>An action (comment) on a task.</summary>
public sealed record SeedPlanFixAction(long Id, long TaskId, string Description, DateTimeOffset DateTime, long OwnerId);
