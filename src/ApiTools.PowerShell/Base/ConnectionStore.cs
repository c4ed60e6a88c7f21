using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ApiTools.PowerShell.Base;

/// <summary>Each runspace's default connections, one per service, set by Connect-* and cleared by Disconnect-*.
/// Per runspace, not per process: two runbooks in one process must not swap each other's accounts.</summary>
internal sealed class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, ConnectionStore> ByRunspace = new();
    private static readonly ConnectionStore NoRunspace = new();
    private readonly ConcurrentDictionary<Type, ServiceConnection> _defaults = new();

    public static ConnectionStore Current =>
        Runspace.DefaultRunspace is Runspace runspace ? ByRunspace.GetValue(runspace, _ => new ConnectionStore()) : NoRunspace;

    public T? Get<T>() where T : ServiceConnection => _defaults.TryGetValue(typeof(T), out var connection) ? (T)connection : null;

    /// <summary>Makes <paramref name="connection"/> the default (null: forgets it); returns the one it replaced.</summary>
    public T? Set<T>(T? connection) where T : ServiceConnection
    {
        var old = Get<T>();
        if (connection is null) _defaults.TryRemove(typeof(T), out _);
        else _defaults[typeof(T)] = connection;
        return old;
    }
}
