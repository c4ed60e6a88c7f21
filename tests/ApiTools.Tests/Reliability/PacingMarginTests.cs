using ApiTools.Emulator;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// A server that measures the spacing of requests on arrival (PlanFix: one a second) sees them closer together than
/// they were sent whenever one is held up on the way longer than the next. The pace carries a margin for that.
/// </summary>
public sealed class PacingMarginTests
{
    [Fact]
    public async Task Requests_paced_at_one_a_second_are_not_refused_when_every_other_one_arrives_late()
    {
        // The emulator forgives 20 ms of early arrival; every other request here is held 32 ms on the way, so requests
        // sent exactly 1 s apart would arrive 968 ms apart and be refused (one 429 per late request).
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = 1 });
        using var jitter = new AlternateDelay(TimeSpan.FromMilliseconds(32));
        var observer = new RecordingObserver();
        var client = new PlanFixClient(PlanFixConnection.WithToken("demo", Secret.FromString("planfix-demo-key"), Secret.FromString("planfix-demo-token"),
            server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = 1 }), observer, jitter);
        var ids = server.PlanFix.Tasks.Take(5).Select(t => t.Id).ToList();
        // The connection is opened first, outside PlanFix's count (a control route): its set-up is not jitter.
        using (var warm = new HttpClient(jitter, disposeHandler: false)) (await warm.GetAsync(new Uri(server.Address, "_emulator/requests"))).Dispose();

        foreach (var id in ids) await client.GetTaskAsync(id);

        Assert.Equal(0, observer.CountStatus(429));
        Assert.Equal(5, server.Requests.Count(PlanFixRouteKeys.TaskGet));
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
