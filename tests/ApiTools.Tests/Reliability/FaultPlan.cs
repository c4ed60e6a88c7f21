using ApiTools.Emulator;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// Faults placed at chosen positions of a route's requests (1 = the first request of that route), so a seed
/// decides exactly which of them go wrong. The emulator's queue tries rules in order and a rule's
/// <see cref="FaultRule.Skip"/> counts only the requests no earlier rule took, so each rule's Skip is its
/// position less the requests the earlier rules of its route take.
/// </summary>
internal sealed class FaultPlan
{
    private readonly List<(int Position, string Kind, FaultRule Rule)> _planned = new();

    /// <summary>Requests the plan makes fail or changes, in all.</summary>
    public int Requests => _planned.Sum(p => p.Rule.Times);

    public void At(int position, string kind, FaultRule rule)
    {
        var end = position + rule.Times - 1;
        if (position < 1 || _planned.Any(p => p.Rule.Route == rule.Route && p.Position <= end && position <= p.Position + p.Rule.Times - 1))
            throw new ArgumentException($"position {position} of {rule.Route} is taken or invalid");
        _planned.Add((position, kind, rule));
    }

    public void EnqueueInto(FaultQueue queue)
    {
        foreach (var route in _planned.GroupBy(p => p.Rule.Route))
        {
            var taken = 0;
            foreach (var (position, _, rule) in route.OrderBy(p => p.Position))
            {
                queue.Enqueue(rule with { Skip = position - 1 - taken });
                taken += rule.Times;
            }
        }
    }

    /// <summary>Where each fault sits, for replaying a failure by hand.</summary>
    public override string ToString() =>
        string.Join(", ", _planned.OrderBy(p => p.Rule.Route).ThenBy(p => p.Position)
            .Select(p => $"{p.Rule.Route}#{p.Position}{(p.Rule.Times > 1 ? $"-{p.Position + p.Rule.Times - 1}" : "")} {p.Kind}"));
}
