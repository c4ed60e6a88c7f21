using System.Management.Automation;
using System.Threading.Tasks;
using ApiTools.PowerShell.Base;
using ApiTools.PowerShell.Errors;
using ApiTools.PowerShell.Conversion;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Invoke-EvotorRequest: any Evotor endpoint with the module's auth, retry, throttling and
/// paging; JSON comes back as PSCustomObjects (with -All, one per list item over every page).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "EvotorRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(typeof(PSObject))]
public sealed class InvokeEvotorRequestCommand : EvotorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    /// <summary>Relative to the API root, e.g. <c>stores</c> or <c>stores/{id}/products?limit=10</c>.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>A JSON string sent as is, or an object/hashtable sent as JSON.</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? Body { get; set; }

    /// <summary>Follow the list's cursor and write each item of every page.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        var method = Method.ToUpperInvariant();
        if (All)
        {
            if (method != "GET")
                ThrowTerminatingError(CmdletError.InvalidArgument, new PSArgumentException("-All follows a list's pages and works with -Method GET only.", nameof(All)),
                    Method); // a usage error: nothing is sent
            WriteStream(() => JsonToPSObject.ConvertAll(Client.InvokePagedAsync(Path, PagerCap, StopToken)), target: Path);
            return;
        }
        if (method != "GET" && !ShouldProcess($"Evotor {Path}", method)) return;
        var json = PowerShellValue.ToJsonBody(Body);
        ForItem(Path, () =>
        {
            var result = Await(ct => Client.InvokeAsync(method, Path, json, ct));
            if (result is System.Text.Json.JsonElement element) WriteObject(JsonToPSObject.Convert(element), enumerateCollection: true);
        });
    }
}
