using ApiTools.Emulator;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// A server that measures the spacing of requests on arrival (PlanFix: one a second) sees them closer together than
/// they were sent whenever one is held up on the way longer than the next. The pace carries a margin for that.
/// It measures milliseconds of arrival, so it runs alone, after the tests that run in parallel.
/// </summary>
[Collection(nameof(PacingMarginTests))]
public sealed class PacingMarginTests
{
    [Fact]
    public async Task Requests_paced_at_one_a_second_are_not_refused_when_every_other_one_arrives_late()
    {
        // The emulator forgives 20 ms of early arrival; every other request here is held 40 ms on the way, so requests
        // sent exactly 1 s apart would arrive 960 ms apart and be refused (one 429 per late request). With the margin
        // (40 ms) they arrive 1000 ms apart: 20 ms to spare either way for the machine's own jitter.
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = 1 });
        using var jitter = new AlternateDelay(TimeSpan.FromMilliseconds(40));
        var observer = new RecordingObserver();
        var client = new PlanFixClient(PlanFixConnection.WithToken("demo", Secret.FromString("planfix-demo-key"), Secret.FromString("planfix-demo-token"),
            server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = 1 }), observer, jitter);
        var ids = server.PlanFix.Tasks.Take(5).Select(t => t.Id).ToList();
        // First a call for another account, which the emulator refuses before it counts anything (0004): it opens the
        // connection and compiles the client's code, whose first run would otherwise hold the first request past its slot.
        var other = new PlanFixClient(PlanFixConnection.WithToken("warm-up", Secret.FromString("planfix-demo-key"), Secret.FromString("planfix-demo-token"),
            server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = 1, Retry = RetryOptions.Default.With(maxAttempts: 1) }), handler: jitter);
        await Assert.ThrowsAnyAsync<ApiTools.Errors.ApiException>(() => other.GetTaskAsync(ids[0]));

        var before = server.Requests.Count(PlanFixRouteKeys.TaskGet);

        foreach (var id in ids) await client.GetTaskAsync(id);

        Assert.Equal(0, observer.CountStatus(429));
        Assert.Equal(before + 5, server.Requests.Count(PlanFixRouteKeys.TaskGet));
    }

    /// <summary>Holds every other request (the 1st, 3rd…) this long before sending it: network jitter, made regular.</summary>
    private sealed class AlternateDelay(TimeSpan delay) : DelegatingHandler(new HttpClientHandler())
    {
        private int _sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _sent) % 2 == 1) await Task.Delay(delay, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Runs <see cref="PacingMarginTests"/> by itself, not beside other test classes.</summary>
[CollectionDefinition(nameof(PacingMarginTests), DisableParallelization = true)]
public sealed class PacingMarginCollection;
