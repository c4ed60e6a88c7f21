using System.Diagnostics;
using ApiTools.Emulator;
using ApiTools.Errors;
using ApiTools.Http;
using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.Evotor;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// Servers whose rate-limit figures are missing, zero, huge or changing (issue 19, cases 2 and 11): every limiter wait
/// ends, within the call's retry budget, announced, and cancellable; an absurd figure never fails a good answer.
/// </summary>
public sealed class HostileRateHeadersTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    // A test that would wait for ever under the old limiter fails here instead of hanging the suite.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static RetryOptions Budget(TimeSpan budget) => FastRetry.With(budget: budget);

    [Fact]
    public async Task A_spent_window_without_a_reset_is_probed_again_not_waited_on_for_ever_in_every_client_on_the_key()
    {
        await using var server = await StartAsync();
        var id = server.Evotor.Stores[0].Id;
        server.Faults.Enqueue(new FaultRule { Route = RouteStore, RateHeaders = new RateHeaders { Remaining = "0" } });
        var observer = new RecordingObserver();
        var first = Client(server, observer, Budget(TenSeconds));
        var other = Client(server, observer, Budget(TenSeconds)); // another runspace on the same token

        await first.GetStoreAsync(id);
        var later = await Task.WhenAll(other.GetStoreAsync(id), first.GetStoreAsync(id)).WaitAsync(Hang);

        Assert.Equal(2, later.Length);
        Assert.Equal(3, server.Requests.Count(RouteStore));
        // The wait for the probe was announced to each caller that waited, and it was short.
        Assert.NotEmpty(observer.Waits);
        Assert.All(observer.Waits, w => Assert.InRange(w.Delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_limit_of_0_is_no_figure_to_wait_on()
    {
        await using var server = await StartAsync();
        var id = server.Evotor.Stores[0].Id;
        server.Faults.Enqueue(new FaultRule { Route = RouteStore, RateHeaders = new RateHeaders { Limit = "0", Remaining = "0", Reset = "1" } });
        var client = Client(server, retry: Budget(TenSeconds));

        await client.GetStoreAsync(id);
        // Past the 1 s reset a limit of 0 would leave no permits in any window; the limiter probes instead.
        for (var i = 0; i < 3; i++) await client.GetStoreAsync(id).WaitAsync(Hang);

        Assert.Equal(4, server.Requests.Count(RouteStore));
    }

    [Theory]
    [InlineData("3600")]      // an hour against a 10 s budget
    [InlineData("5000000")]   // 58 days: past what Task.Delay takes (about 49.7 days)
    public async Task A_reset_past_the_retry_budget_fails_the_call_at_once_with_RateLimited_and_sends_nothing(string reset)
    {
        await using var server = await StartAsync();
        var id = server.Evotor.Stores[0].Id;
        server.Faults.Enqueue(new FaultRule { Route = RouteStore, RateHeaders = new RateHeaders { Limit = "20", Remaining = "0", Reset = reset } });
        var client = Client(server, retry: Budget(TenSeconds));
        await client.GetStoreAsync(id);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetStoreAsync(id).WaitAsync(Hang));

        Assert.Equal(ApiErrorKind.RateLimited, error.Kind);
        Assert.Contains($"in {reset}", error.Message);
        Assert.Contains("past the 10 s retry budget", error.Message);
        Assert.Contains("this Evotor token", error.Message);
        Assert.Equal(1, server.Requests.Count(RouteStore));
        Assert.True(clock.Elapsed < TenSeconds, $"refused after {clock.Elapsed.TotalSeconds:0.0} s instead of at once");
    }

    [Fact]
    public async Task A_limiter_wait_is_announced_before_it_starts_and_ends_at_once_on_cancel()
    {
        await using var server = await StartAsync();
        var id = server.Evotor.Stores[0].Id;
        server.Faults.Enqueue(new FaultRule { Route = RouteStore, RateHeaders = new RateHeaders { Limit = "20", Remaining = "0", Reset = "30" } });
        var observer = new RecordingObserver();
        var client = Client(server, observer, Budget(TimeSpan.FromMinutes(1)));
        await client.GetStoreAsync(id);

        using var cancel = new CancellationTokenSource();
        var waiting = client.GetStoreAsync(id, cancel.Token);
        var announced = SpinWait.SpinUntil(() => !observer.Waits.IsEmpty, TenSeconds);
        var clock = Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Hang));

        Assert.True(announced, "the wait was not announced");
        Assert.InRange(observer.Waits.Single().Delay, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the wait ended {clock.Elapsed.TotalMilliseconds:0} ms after the cancel");
        Assert.Equal(1, server.Requests.Count(RouteStore));
    }

    [Fact]
    public async Task When_the_server_s_window_changes_the_limiter_follows_its_current_figures()
    {
        // The server limits to 3 a window. The client first learns a 60 s window; then the server's window becomes 1 s.
        await using var server = await StartAsync(o => { o.EvotorRateLimit = 3; o.EvotorRateWindow = TimeSpan.FromSeconds(1); });
        var id = server.Evotor.Stores[0].Id;
        var observer = new RecordingObserver();
        var client = Client(server, observer, Budget(TenSeconds));
        server.Settings.EvotorRateWindow = TimeSpan.FromSeconds(60);
        await client.GetStoreAsync(id);
        server.Reset(); // back to 1 s windows, old windows forgotten

        // Six calls span at least two 1 s windows; held to the 60 s window learnt first, the fourth would wait ~58 s.
        for (var i = 0; i < 6; i++) await client.GetStoreAsync(id).WaitAsync(Hang);

        Assert.Equal(6, server.Requests.Count(RouteStore));
        Assert.Equal(0, observer.CountStatus(429));
        Assert.All(observer.Waits, w => Assert.True(w.Delay < TimeSpan.FromSeconds(2), $"waited {w.Delay.TotalSeconds:0.0} s: {w.Reason}"));
    }

    [Theory]
    [InlineData("1e12")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task An_absurd_reset_neither_fails_a_good_answer_nor_stops_a_429_from_being_retried(string reset)
    {
        await using var server = await StartAsync();
        var id = server.Evotor.Stores[0].Id;
        server.Faults.Enqueue(new FaultRule { Route = RouteStore, RateHeaders = new RateHeaders { Limit = "20", Remaining = "19", Reset = reset } });
        server.Faults.Enqueue(new FaultRule { Route = RouteStore, RateHeaders = new RateHeaders { Limit = "20", Remaining = "0", Reset = reset, Status = 429 } });
        var observer = new RecordingObserver();
        var client = Client(server, observer, Budget(TenSeconds));

        var good = await client.GetStoreAsync(id).WaitAsync(Hang);
        var retried = await client.GetStoreAsync(id).WaitAsync(Hang);

        Assert.Equal(id, good.Id);
        Assert.Equal(id, retried.Id);
        Assert.Equal(1, observer.CountStatus(429));
        Assert.Equal(3, server.Requests.Count(RouteStore));
    }
}
