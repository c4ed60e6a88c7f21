using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>New-PlanFixContact: adds contacts (contact.add, not repeated once PlanFix may have acted) from parameters or
/// piped rows, custom fields included, and writes each as read back.</summary>
[Cmdlet(VerbsCommon.New, "PlanFixContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(PlanFixContact))]
public sealed class NewPlanFixContactCommand : PlanFixNewCmdlet<PlanFixContactDraft>
{
    /// <summary>A person's first name, or a company's name.</summary>
    [Parameter(ParameterSetName = ParametersSet, Position = 0)] [ValidateNotNullOrEmpty] public string? Name { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? MidName { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? LastName { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public SwitchParameter IsCompany { get; set; }
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

    /// <summary>The number (General) of the template contact to make it from.</summary>
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? TemplateId { get; set; }

    /// <summary>Custom field values by field name or id.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public Hashtable? CustomField { get; set; }

    private protected override string[] LabelFields => new[] { "Name", "LastName", "Email" };

    private protected override PlanFixItemInput<PlanFixContactDraft> Input => PlanFixContactInput.Contacts;

    private protected override string Describe(PlanFixContactDraft draft) => $"PlanFix contact '{string.Join(" ", new[] { draft.Name, draft.LastName }.Where(s => !string.IsNullOrEmpty(s)))}'";

    private protected override Task<object?> SendAsync(PlanFixContactDraft draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddContactAsync(draft, cancellationToken));
}
