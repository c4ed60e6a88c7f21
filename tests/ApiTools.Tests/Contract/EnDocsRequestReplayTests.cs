namespace ApiTools.Tests.Contract;

/// <summary>The published request pages of EnDocs replayed through the writers (filled in with the writes).</summary>
public class EnDocsRequestReplayTests
{
    public static TheoryData<string> Requests() => EnDocsReplayTests.Of(f => f.Contains(".request.", StringComparison.Ordinal));
}
