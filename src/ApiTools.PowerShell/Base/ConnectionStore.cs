using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using ApiTools.EnDocs;
using ApiTools.Evotor;
using ApiTools.PlanFix;

namespace ApiTools.PowerShell.Base;

/// <summary>Each runspace's default connections, set by Connect-* and cleared by Disconnect-*.
/// Per runspace, not per process: two runbooks in one process must not swap each other's accounts.</summary>
internal sealed class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, ConnectionStore> ByRunspace = new();
    private static readonly ConnectionStore NoRunspace = new();

    public EvotorConnection? Evotor { get; set; }

    public EnDocsConnection? EnDocs { get; set; }

    public PlanFixConnection? PlanFix { get; set; }

    public static ConnectionStore Current =>
        Runspace.DefaultRunspace is Runspace runspace ? ByRunspace.GetValue(runspace, _ => new ConnectionStore()) : NoRunspace;
}
