using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation.Language;

namespace ApiTools.PowerShell.Base;

/// <summary>
/// Tab completion of ids from the service itself, through the connection in scope (-Connection typed on the line,
/// else the session's, else the environment's). The list shows names; the completion inserts the quoted id. What
/// comes back is kept per connection for a few minutes. Tab never waits more than about a second: an answer that is
/// late gives no completions and no error, and is kept for the next Tab when it arrives.
/// </summary>
public abstract class LiveCompleter<TConnection, TClient> : IArgumentCompleter
    where TConnection : ServiceConnection
    where TClient : class
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<(ServiceConnection, Type, string), Fetch> Cache = new();

    private protected abstract ServiceKit<TConnection, TClient> Kit { get; }

    /// <summary>Which list the parameter takes its ids from, with what that list depends on from the parameters typed so
    /// far (the store of a product's -Id), as one key; null when there is nothing to offer (yet).</summary>
    private protected abstract string? Scope(string commandName, string parameterName, IDictionary fakeBoundParameters);

    /// <summary>The items of the list <see cref="Scope"/> named: ids and names.</summary>
    private protected abstract Task<IReadOnlyList<Choice>> ListAsync(TClient client, string scope, CancellationToken cancellationToken);

    /// <summary>How many items a completer offers at most.</summary>
    private protected const int Most = 500;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var connection = ConnectionInScope(fakeBoundParameters);
        var scope = Scope(commandName ?? "", parameterName ?? "", fakeBoundParameters);
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        if (connection is null || scope is null) return Offer(Always, typed);

        var key = (connection, GetType(), scope);
        var fetch = Cache.AddOrUpdate(key, _ => Start(connection, scope), (_, old) => old.Stale ? Start(connection, scope) : old);
        try
        {
            if (!fetch.Items.Wait(Patience)) return Offer(Always, typed);
        }
        catch (AggregateException)
        {
            Cache.TryRemove(key, out _); // asked again on the next Tab
            return Offer(Always, typed);
        }
        return Offer(fetch.Items.Result.Concat(Always.Where(a => fetch.Items.Result.All(c => !c.Id.Equals(a.Id, StringComparison.OrdinalIgnoreCase)))), typed);
    }

    /// <summary>What completes without the service too (PlanFix's system statuses): offered when the service gives nothing in time.</summary>
    private protected virtual IReadOnlyList<Choice> Always => Array.Empty<Choice>();

    private static List<CompletionResult> Offer(IEnumerable<Choice> choices, string typed) =>
        choices
            .Where(c => c.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || (c.Name ?? "").StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(c => new CompletionResult("'" + c.Id.Replace("'", "''") + "'", c.Name is { Length: > 0 } name ? $"{name} ({c.Id})" : c.Id,
                CompletionResultType.ParameterValue, c.Name is { Length: > 0 } tip ? $"{tip}: {c.Id}" : c.Id))
            .ToList();

    /// <summary>A text value of an already typed parameter (a bound -StoreId, say), or null.</summary>
    private protected static string? Typed(IDictionary fakeBoundParameters, string name) =>
        fakeBoundParameters.Contains(name) ? fakeBoundParameters[name] switch
        {
            string text => text,
            string[] { Length: > 0 } texts => texts[0],
            PSObject ps => ps.BaseObject?.ToString(),
            object other => other.ToString(),
            null => null,
        } : null;

    private TConnection? ConnectionInScope(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters.Contains("Connection"))
        {
            var given = fakeBoundParameters["Connection"];
            return (given is PSObject ps ? ps.BaseObject : given) as TConnection;
        }
        try
        {
            return Kit.TryResolve(null, _ => { });
        }
        catch (ApiException)
        {
            return null; // a malformed environment: nothing to offer, and Tab is no place for the error
        }
    }

    private Fetch Start(TConnection connection, string scope)
    {
        // Runs on after Tab has given up waiting, so the next Tab finds it; bounded, so a dead server costs nothing lasting.
        var cancel = new CancellationTokenSource(GiveUp);
        var task = Task.Run(() => ListAsync(Kit.NewClient(connection, NullApiObserver.Instance), scope, cancel.Token), cancel.Token);
        task.ContinueWith(_ => cancel.Dispose(), TaskScheduler.Default);
        return new Fetch(task, DateTime.UtcNow);
    }

    private sealed class Fetch
    {
        private readonly DateTime _started;

        public Fetch(Task<IReadOnlyList<Choice>> items, DateTime started)
        {
            Items = items;
            _started = started;
        }

        public Task<IReadOnlyList<Choice>> Items { get; }

        public bool Stale => DateTime.UtcNow - _started > Keep || Items.IsFaulted || Items.IsCanceled;
    }
}
