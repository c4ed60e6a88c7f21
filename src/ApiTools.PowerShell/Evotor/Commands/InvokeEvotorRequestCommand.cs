using System.Text.Json;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Invoke-EvotorRequest: any Evotor endpoint with the module's auth, retry, throttling and paging; JSON comes
/// back as PSCustomObjects (with -All, one per list item over every page, following the cursor).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "EvotorRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(typeof(PSObject))]
public sealed class InvokeEvotorRequestCommand : JsonRequestCmdlet<EvotorConnection, EvotorClient>
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    private protected override ServiceKit<EvotorConnection, EvotorClient> Kit => EvotorKit.Instance;

    private protected override string RequestMethod => Method;

    private protected override IAsyncEnumerable<JsonElement> InvokeListAsync(CancellationToken cancellationToken) =>
        Client.InvokePagedAsync(Path, PagerCap, cancellationToken);
}
