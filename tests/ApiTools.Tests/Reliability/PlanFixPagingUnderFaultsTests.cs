using ApiTools.Emulator;
using ApiTools.PlanFix;
using ApiTools.Tests.PlanFix;
using ApiTools.Tests.Support;
using ApiTools.Errors;

namespace ApiTools.Tests.Reliability;

/// <summary>5k PlanFix tasks (50 pages of 100) read through the client library under each fault kind.</summary>
public sealed class PlanFixPagingUnderFaultsTests
{
    private static readonly string Route = PlanFixRouteKeys.TaskGetList;

    /// <summary>task.getList requests a fault-free listing of the same tasks takes (measured once).</summary>
    private static readonly Lazy<Task<int>> CleanRequests = new(async () =>
    {
        await using var server = await StartAsync();
        await foreach (var _ in Ids(PlanFixTest.TokenClient(server, options: PlanFixTest.Options(rate: 1000)))) { }
        return server.Requests.Count(Route);
    });

    private const int Tasks = 5_000;

    public static TheoryData<string> Kinds => new()
    {
        "429 burst, Retry-After 1 s", "429 burst, no Retry-After", "500", "502", "503", "504", "reset before the answer",
        "reset mid-body", "truncated body", "answer slower than the timeout", "sid expires early", "error 0011 (busy)", "mixed",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_task_arrives_exactly_once(string kind)
    {
        var clean = await CleanRequests.Value;
        await using var server = await StartAsync();
        var injected = FaultMatrix.Inject(server, FaultMatrix.Intermittent(kind, Route));
        var observer = new RecordingObserver();
        // Login mode, so a sid can expire; token mode is the same path otherwise.
        var client = PlanFixTest.LoginClient(server, observer, PlanFixTest.Options(rate: 1000, retry: FaultMatrix.RetryFor(kind)));
        var expected = server.PlanFix.Tasks.Select(t => t.Id).ToList();

        // A re-login after an expired sid counts as a retry too.
        await FaultMatrix.ReadAsync("PlanFix", kind, "5k tasks", expected, Ids(client), observer, mustComplete: true, injected,
            () => server.Requests.Count(Route) + server.Requests.Count(PlanFixRouteKeys.AuthLogin) - 1, clean);
    }

    [Fact]
    public async Task A_page_that_keeps_failing_ends_with_an_error_after_the_attempt_limit_and_nothing_repeated()
    {
        await using var server = await StartAsync();
        var injected = FaultMatrix.Inject(server, [new FaultRule { Route = Route, Status = 502, Skip = 20, Times = 1_000_000 }]);
        var observer = new RecordingObserver();
        var client = PlanFixTest.TokenClient(server, observer, PlanFixTest.Options(rate: 1000, retry: FaultMatrix.PatientRetry));
        var expected = server.PlanFix.Tasks.Select(t => t.Id).ToList();

        var (received, error) = await FaultMatrix.ReadAsync("PlanFix", "502 on every try", "5k tasks", expected, Ids(client), observer,
            mustComplete: false, injected, () => server.Requests.Count(Route), 0);

        Assert.Equal(2_000, received.Count); // the first twenty pages, once each
        Assert.IsType<ApiRetriesExhaustedException>(error);
        Assert.Contains("502", error!.Message);
        Assert.Contains("task.getList", error.Message);
    }

    private static Task<EmulatorServer> StartAsync() =>
        EmulatorServer.StartAsync(new EmulatorOptions { PlanFixTasks = Tasks, PlanFixRatePerSecond = 0, PlanFixDailyQuota = 100_000, FaultSeed = FaultMatrix.Seed });

    private static async IAsyncEnumerable<long> Ids(PlanFixClient client)
    {
        await foreach (var task in client.GetTasksAsync()) yield return task.Id;
    }
}
