namespace ApiTools.Benchmarks.Support;

/// <summary>Sizes and repetitions: the full mode measures what issue 7 names; --quick shrinks sizes to finish in about a minute.</summary>
public sealed class BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>Scenario ids to run (all when empty), e.g. --only P1,P4.</summary>
    public HashSet<string> Only { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Runs(string id) => Only.Count == 0 || Only.Contains(id);

    public void Log(string text) => Console.WriteLine("  " + text);
}
