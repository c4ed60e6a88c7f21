namespace ApiTools.Emulator;

/// <summary>Injected faults waiting for matching requests, in the order they were queued.</summary>
public sealed class FaultQueue
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];

    /// <summary>Queues a copy of the rule; throws <see cref="ArgumentException"/> for a rule that cannot fire.</summary>
    public void Enqueue(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (_gate) _entries.Add(new Entry(rule, rule.Times) { Skip = rule.Skip });
    }

    /// <summary>Rules still waiting, with <see cref="FaultRule.Times"/> showing the tries left.</summary>
    public IReadOnlyList<FaultRule> Pending()
    {
        lock (_gate) return [.. _entries.Select(e => e.Rule with { Times = e.Remaining, Skip = e.Skip })];
    }

    /// <summary>Drops every queued rule.</summary>
    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>Uses up one try of the first rule that matches, if any.</summary>
    internal FaultRule? TryTake(string routeKey, HttpRequest request)
    {
        lock (_gate)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (!entry.Rule.Matches(routeKey, request)) continue;
                if (entry.Skip > 0)
                {
                    // Let this matching request through; a later rule may still apply to it.
                    entry.Skip--;
                    continue;
                }
                if (--entry.Remaining == 0) _entries.RemoveAt(i);
                return entry.Rule;
            }
            return null;
        }
    }

    private sealed class Entry(FaultRule rule, int remaining)
    {
        public FaultRule Rule { get; } = rule;
        public int Remaining { get; set; } = remaining;
        public int Skip { get; set; }
    }
}
