using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>New-PlanFixHandbookRecord: adds records (or groups) to a handbook (handbook.addRecord, not repeated once
/// PlanFix may have acted), values by field name or id, from parameters or piped rows; writes each as read back.</summary>
[Cmdlet(VerbsCommon.New, "PlanFixHandbookRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(PlanFixHandbookRecord))]
public sealed class NewPlanFixHandbookRecordCommand : PlanFixNewCmdlet<PlanFixHandbookRecordDraft>
{
    /// <summary>The handbook's id or name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("HandbookId")]
    [ValidateNotNullOrEmpty]
    public string Handbook { get; set; } = "";

    /// <summary>The record's values: field name (or id) → value.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public Hashtable? Values { get; set; }

    /// <summary>The group to put it in (its key).</summary>
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? ParentKey { get; set; }

    /// <summary>Add a group of records named -Name instead of a record.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public SwitchParameter IsGroup { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] [ValidateNotNullOrEmpty] public string? Name { get; set; }

    private protected override string[] LabelFields => new[] { "Name", "Key" };

    private protected override UnknownFields NewUnknownFields() => PlanFixRecordInput.NewRecordUnknownFields(FieldNames);

    private protected override PlanFixHandbookRecordDraft Read(InputFields fields, string label) => PlanFixRecordInput.ReadRecord(fields, label, FieldNames);

    private IReadOnlyCollection<string> FieldNames => HandbookFieldNames(Handbook);

    private protected override string Describe(PlanFixHandbookRecordDraft draft) =>
        draft.IsGroup == true ? $"group '{draft.Name}' of PlanFix handbook '{Handbook}'" : $"a record of PlanFix handbook '{Handbook}'";

    private protected override Task<object?> SendAsync(PlanFixHandbookRecordDraft draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddHandbookRecordAsync(Handbook, draft, cancellationToken));
}
