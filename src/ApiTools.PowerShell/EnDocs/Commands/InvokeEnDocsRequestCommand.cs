using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using ApiTools.PowerShell.Base;
using ApiTools.PowerShell.Errors;
using ApiTools.PowerShell.Conversion;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Invoke-EnDocsRequest: any EnDocs endpoint with the module's auth, retry and throttling; JSON comes
/// back as PSCustomObjects (with -All, one per item of a {"key","value"} list, streamed).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "EnDocsRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(typeof(PSObject))]
public sealed class InvokeEnDocsRequestCommand : EnDocsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("GET", "POST", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    /// <summary>Relative to the API root, e.g. <c>Output/GetClientInfo</c>.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>A JSON string sent as is, or an object/hashtable sent as JSON.</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? Body { get; set; }

    /// <summary>Read the answer as a {"key","value"} list and write each item as it arrives.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        var method = Method.ToUpperInvariant();
        if (All)
        {
            if (method != "GET")
                ThrowTerminatingError(CmdletError.InvalidArgument, new PSArgumentException("-All reads a list and works with -Method GET only.", nameof(All)),
                    Method); // a usage error: nothing is sent
            WriteStream(() => JsonToPSObject.ConvertAll(Client.InvokeListAsync(Path, StopToken)), target: Path);
            return;
        }
        if (method != "GET" && !ShouldProcess($"EnDocs {Path}", method)) return;
        var json = PowerShellValue.ToJsonBody(Body);
        ForItem(Path, () =>
        {
            var result = Await(ct => Client.InvokeAsync(method, Path, json, ct));
            if (result is JsonElement element) WriteObject(JsonToPSObject.Convert(element), enumerateCollection: true);
        });
    }
}
