using System.Management.Automation;

namespace ApiTools.Benchmarks.Support;

/// <summary>
/// <c>Write-BenchObjects -Item $x -Count n</c>: writes the same object n times and does nothing else. Timed as
/// <c>Write-BenchObjects … | Out-Null</c> in the same hosted runspace as the cmdlet row, it measures what the
/// engine alone costs per item written (WriteObject, the pipe, Out-Null's parameter binding): a floor under any
/// cmdlet's per-item cost that no change to the module can lower. Imported with <c>Import-Module -Assembly</c>.
/// </summary>
[Cmdlet("Write", "BenchObjects")]
public sealed class WriteObjectsCommand : PSCmdlet
{
    [Parameter(Mandatory = true)]
    public object Item { get; set; } = null!;

    [Parameter(Mandatory = true)]
    public int Count { get; set; }

    protected override void ProcessRecord()
    {
        // The base object, as Get-EvotorProduct writes a Product rather than a PSObject.
        var item = Item is PSObject wrapped ? wrapped.BaseObject : Item;
        for (var i = 0; i < Count; i++) WriteObject(item);
    }
}
