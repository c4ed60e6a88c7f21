namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Set-EnDocsContractor: adds or updates counterparties keyed by ExtId (AddOrUpdateContractor), every field of
/// EnDocs' contractor; a contractor read from a document (<c>$doc.Contractor</c>) pipes back as it is.</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsContractor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsContractorCommand : EnDocsKeyedWriteCmdlet<EnDocsContractor>
{
    [Parameter(ParameterSetName = ParametersSet)] public string? FullName { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Inn { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Kpp { get; set; }

    /// <summary>E.g. ЮрЛицо.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? Type { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public string? Address { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? LawAddress { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Contact { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Phone { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Email { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Bank { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Bik { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Bill { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Director { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Ogrn { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Code { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Comment { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? DiadocId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Manager { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? OrganizationExtId { get; set; }

    private protected override EnDocsContractor Read(InputFields fields, string label) => EnDocsInput.ReadContractor(fields, label);

    private protected override UnknownFields NewUnknownFields() => EnDocsInput.NewContractorUnknownFields();

    private protected override string[] PromptFields => new[] { "Name", "FullName", "Inn", "Kpp", "Type", "Address", "LawAddress", "Contact", "Phone", "Email", "Bank", "Bik", "Bill", "Director", "Ogrn", "Code", "Comment", "DiadocId", "Manager", "OrganizationExtId" };

    private protected override string Kind => "contractor";

    private protected override Task<object?> SendAsync(EnDocsContractor draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddOrUpdateContractorAsync(draft, cancellationToken));
}
