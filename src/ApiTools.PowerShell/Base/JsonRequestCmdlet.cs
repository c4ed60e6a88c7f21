using System.Text.Json;
using ApiTools.PowerShell.Conversion;

namespace ApiTools.PowerShell.Base;

/// <summary>
/// The JSON escape hatches (Invoke-EvotorRequest, Invoke-EnDocsRequest): any path with the service's auth, retry and
/// throttling; the answer comes back as PSCustomObjects, and with -All one per item of a list over every page.
/// Methods other than GET ask ShouldProcess.
/// </summary>
public abstract class JsonRequestCmdlet<TConnection, TClient> : ServiceCmdlet<TConnection, TClient>
    where TConnection : ServiceConnection
    where TClient : class, IJsonEscapeHatch
{
    /// <summary>Relative to the API root, e.g. <c>stores?limit=10</c>.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>A JSON string sent as is, or an object/hashtable sent as JSON.</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? Body { get; set; }

    /// <summary>Read the answer as a list and write each item of every page.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>The cmdlet's -Method (each service declares its own set of verbs).</summary>
    private protected abstract string RequestMethod { get; }

    private protected abstract IAsyncEnumerable<JsonElement> InvokeListAsync(CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        var method = RequestMethod.ToUpperInvariant();
        if (All)
        {
            if (method != "GET") // a usage error: nothing is sent
                ThrowTerminatingError(CmdletError.InvalidArgument, new PSArgumentException("-All reads a list's pages and works with -Method GET only.", nameof(All)), method);
            WriteStream(() => JsonToPSObject.ConvertAll(InvokeListAsync(StopToken)), target: Path);
            return;
        }
        if (method != "GET" && !ShouldProcess($"{Service} {Path}", method)) return;
        var json = PowerShellValue.ToJsonBody(Body);
        ForItem(Path, () =>
        {
            if (Await(ct => Client.InvokeAsync(method, Path, json, ct)) is JsonElement element) WriteObject(JsonToPSObject.Convert(element), enumerateCollection: true);
        });
    }
}
