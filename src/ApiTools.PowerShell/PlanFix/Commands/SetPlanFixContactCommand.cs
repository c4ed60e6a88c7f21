using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Set-PlanFixContact: changes contacts with one contact.update each: the fields given as parameters (-Id binds
/// from a piped contact), or piped rows. A row with the Fingerprint Get-PlanFixContact wrote sends only the fields edited
/// since, and a row left as it was sends nothing, so a CSV round trip changes exactly the edited contacts.</summary>
[Cmdlet(VerbsCommon.Set, "PlanFixContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(PlanFixContact))]
public sealed class SetPlanFixContactCommand : PlanFixSetByIdCmdlet<PlanFixContactDraft>
{
    [Parameter(ParameterSetName = ParametersSet)] [ValidateNotNullOrEmpty] public string? Name { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? MidName { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? LastName { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Post { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Email { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string[]? Phones { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Address { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Description { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateSet("MALE", "FEMALE", IgnoreCase = true)] public string? Sex { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Site { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Skype { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? Birthdate { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? GroupId { get; set; }

    /// <summary>Custom field values by field name or id.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public Hashtable? CustomField { get; set; }

    private protected override string[] LabelFields => new[] { "Id", "General" };

    private protected override PlanFixItemInput<PlanFixContactDraft> Input => PlanFixContactInput.Contacts;

    private protected override string[] PromptFields => new[] { "Name", "MidName", "LastName", "IsCompany", "Post", "Email", "Phones", "Address", "Description", "Sex", "Site", "Skype", "Birthdate", "GroupId", "CanBeWorker", "CanBeClient", "CustomFields" };

    private protected override string Describe(PlanFixContactDraft draft) => draft.Id is long id ? $"PlanFix contact {id}" : $"PlanFix contact number {draft.General}";

    private protected override object ErrorTarget(PlanFixContactDraft draft, string label) => InputObject ?? (object)(draft.Id ?? draft.General)!;

    private protected override string? Unchanged(PlanFixContactDraft draft) => AsRead(draft, draft.Unchanged);

    private protected override Task<object?> SendAsync(PlanFixContactDraft draft, CancellationToken cancellationToken) =>
        PassThru ? Boxed(Client.UpdateContactAsync(draft, Silent, cancellationToken)) : Boxed(Client.SetContactAsync(draft, Silent, cancellationToken));
}
