namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>
/// Add-EnDocsDocument: uploads files as a non-form document (AddOrUpdateNonFormDoc): every file given or piped in as one
/// document, or with -OnePerFile one document a file, each sent as it arrives. EnDocs keeps no name for such a document
/// but its file's: -Name (default: the first file's own) is the name the first file goes under. At most 20 MB a
/// document, checked from the file sizes before anything is read or sent.
/// </summary>
[Cmdlet(VerbsCommon.Add, "EnDocsDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = OneSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class AddEnDocsDocumentCommand : EnDocsCmdlet
{
    private const string OneSet = "OneDocument";
    private const string EachSet = "OnePerFile";

    private readonly List<string> _files = new();
    private bool _refused;

    /// <summary>The files; wildcards are expanded. Binds from Get-ChildItem (FullName).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = null!;

    /// <summary>The name the (first) file is uploaded under: the only name EnDocs keeps. Its extension is added when missing.</summary>
    [Parameter(ParameterSetName = OneSet)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>One document for each file, sent as each file arrives.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EachSet)]
    public SwitchParameter OnePerFile { get; set; }

    [Parameter]
    [Alias("Date")]
    public DateTime? DocDate { get; set; }

    [Parameter] public string? Comment { get; set; }

    /// <summary>Who sent it (an e-mail or a name); EnDocs tells the sender when it is processed or declined.</summary>
    [Parameter] public string? Sender { get; set; }

    /// <summary>EnDocs' own id of the organization (not an Ext_ID).</summary>
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long? OrganizationId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(EnDocsValueCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int? DocTypeId { get; set; }

    /// <summary>EnDocs' own id of the contractor (not an Ext_ID).</summary>
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long? ContractorId { get; set; }

    [Parameter] public decimal? Amount { get; set; }

    protected override void ProcessRecord()
    {
        var missing = new List<string>();
        var files = EnDocsFilePaths.Resolve(SessionState, Path, missing);
        foreach (var path in missing) Refuse(new System.IO.FileNotFoundException($"'{path}' is not a file."), path);
        if (OnePerFile)
            foreach (var file in files) Upload(new[] { file });
        else _files.AddRange(files);
    }

    protected override void EndProcessing()
    {
        if (!OnePerFile)
        {
            if (!_refused && _files.Count == 0) Refuse(new PSArgumentException("No file was given."), null);
            // One document of all the files: a file that is missing would leave it incomplete, so nothing is sent then.
            if (!_refused) Upload(_files);
        }
        base.EndProcessing();
    }

    private void Upload(IReadOnlyList<string> files)
    {
        var draft = new EnDocsNonFormDraft
        {
            Name = Name ?? "", DocDate = DocDate, Comment = Comment, Sender = Sender, OrganizationId = OrganizationId, DocTypeId = DocTypeId,
            ContractorId = ContractorId, Amount = Amount,
        };
        var first = draft.FirstFileName(System.IO.Path.GetFileName(files[0]));
        ForItem(files.Count == 1 ? files[0] : files.ToArray(), () =>
        {
            // Sizes first: -WhatIf reports a document EnDocs would refuse, and nothing is read for it.
            var bytes = draft.CheckSize(files);
            if (!ShouldProcess($"non-form document '{first}' ({files.Count} file(s), {bytes:N0} bytes)", "Upload")) return;
            draft.AddFiles(files);
            WriteObject(Await(ct => Client.AddNonFormDocumentAsync(draft, ct)));
        });
    }

    private void Refuse(Exception error, object? target)
    {
        _refused = true;
        WriteError(CmdletError.FileNotFound, error, target);
    }
}
