using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Set-PlanFixHandbookRecord: changes handbook records (handbook.updateRecord): values by field name or id, from
/// parameters (-Key binds from a piped record) or piped rows whose columns are the handbook's fields.</summary>
[Cmdlet(VerbsCommon.Set, "PlanFixHandbookRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(PlanFixHandbookRecord))]
public sealed class SetPlanFixHandbookRecordCommand : PlanFixSetCmdlet<PlanFixHandbookRecordDraft>
{
    /// <summary>The handbook's id or name; binds from a piped record's HandbookId.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("HandbookId")]
    [ValidateNotNullOrEmpty]
    public string Handbook { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParametersSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long Key { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public Hashtable? Values { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateNotNullOrEmpty] public string? Name { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public bool? Archived { get; set; }

    private protected override string[] LabelFields => new[] { "Key" };

    private protected override UnknownFields NewUnknownFields() => PlanFixRecordInput.NewRecordUnknownFields(FieldNames);

    private protected override PlanFixHandbookRecordDraft Read(InputFields fields, string label) =>
        PlanFixRecordInput.ReadRecord(fields, LabelOr(label, $"record {Key}"), FieldNames, update: true);

    private IReadOnlyCollection<string> FieldNames => HandbookFieldNames(Handbook);

    private protected override string Describe(PlanFixHandbookRecordDraft draft) => $"record {draft.Key} of PlanFix handbook '{Handbook}'";

    private protected override Task<object?> SendAsync(PlanFixHandbookRecordDraft draft, CancellationToken cancellationToken) =>
        Boxed(Client.UpdateHandbookRecordAsync(Handbook, draft, PassThru, Silent, cancellationToken));
}
