using System.Text.Json;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Invoke-EnDocsRequest: any EnDocs endpoint with the module's auth, retry and throttling; JSON comes back as
/// PSCustomObjects (with -All, one per item of a {"key","value"} list, streamed as it arrives).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "EnDocsRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(typeof(PSObject))]
public sealed class InvokeEnDocsRequestCommand : JsonRequestCmdlet<EnDocsConnection, EnDocsClient>
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("GET", "POST", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    private protected override ServiceKit<EnDocsConnection, EnDocsClient> Kit => EnDocsKit.Instance;

    private protected override string RequestMethod => Method;

    private protected override IAsyncEnumerable<JsonElement> InvokeListAsync(CancellationToken cancellationToken) =>
        Client.InvokeListAsync(Path, cancellationToken);
}
