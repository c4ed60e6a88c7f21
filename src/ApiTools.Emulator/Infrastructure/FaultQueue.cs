namespace ApiTools.Emulator;

/// <summary>
/// Injected faults waiting for matching requests, in the order they were queued. Rules with a
/// <see cref="FaultRule.Probability"/> draw from one seeded generator, so the same seed and the same order of
/// requests fault the same requests.
/// </summary>
public sealed class FaultQueue(int seed = 1)
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private Random _random = Generator(seed);
    private int _seed = seed;

    /// <summary>The seed the probability draws started from (after the last <see cref="Reseed"/>).</summary>
    public int Seed
    {
        get { lock (_gate) return _seed; }
    }

    /// <summary>The seed given at start; a reset of the emulator starts the draws from it again.</summary>
    public int StartSeed { get; } = seed;

    /// <summary>Starts the probability draws again from <paramref name="seed"/>.</summary>
    public void Reseed(int seed)
    {
        lock (_gate)
        {
            _seed = seed;
            _random = Generator(seed);
        }
    }

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

    // System.Random's seeded generator gives nearly the same first draws for neighbouring seeds (7 and 8): spread them.
    private static Random Generator(int seed) => new(unchecked((int)((uint)seed * 2654435761u)));

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
                // Not drawn this time: the request goes on to later rules, as if this one did not match.
                if (entry.Rule.Probability is double p && _random.NextDouble() >= p) continue;
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
