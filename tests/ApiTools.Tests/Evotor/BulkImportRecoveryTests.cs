using ApiTools.Emulator;
using ApiTools.Evotor.Bulk;
using ApiTools.Input;
using static ApiTools.Tests.Support.Evotor;

namespace ApiTools.Tests.Evotor;

/// <summary>
/// What a rerun with the same checkpoint does with chunks the first run could not finish: a task stuck
/// RUNNING, a task FAILED on the server's side or for the rows' own faults, and a chunk whose PUT was on its
/// way when the import was cancelled.
/// </summary>
public class BulkImportRecoveryTests : IDisposable
{
    private readonly string _checkpoint = Path.Combine(Path.GetTempPath(), $"apitools-recovery-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_checkpoint);

    private static Task<EmulatorServer> Server() => StartAsync(o =>
    {
        o.EvotorStores = 1;
        o.EvotorProductsPerStore = 0;
        o.EvotorBulkTasks = 0;
        o.EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(30);
    });

    private BulkImportOptions Options(EmulatorServer server) => new(server.Evotor.Stores[0].Id)
    {
        MaxItemsPerChunk = 10, ThrottleLimit = 1, CheckpointPath = _checkpoint,
        FirstPoll = TimeSpan.FromMilliseconds(10), MaxPoll = TimeSpan.FromMilliseconds(50), TaskTimeout = TimeSpan.FromMilliseconds(300),
    };

    private static IEnumerable<InputFields> Rows(int count, Func<int, string?>? parentId = null) =>
        Enumerable.Range(1, count).Select(i => new InputFields(new Dictionary<string, object?>
        {
            ["Name"] = $"Товар {i}", ["Price"] = "10,5", ["MeasureName"] = "шт", ["Tax"] = "NO_VAT", ["AllowToSell"] = "True",
            ["Type"] = "NORMAL", ["ParentId"] = parentId?.Invoke(i),
        }));

    private static async Task<List<BulkImportResult>> RunAsync(EvotorBulkImport import, IEnumerable<InputFields> rows, CancellationToken ct = default)
    {
        using (import)
        {
            var results = new List<BulkImportResult>();
            foreach (var row in rows) results.AddRange((await import.AddAsync(row, ct)).Results);
            results.AddRange((await import.CompleteAsync(ct)).Results);
            return results;
        }
    }

    [Fact]
    public async Task A_task_stuck_running_fails_its_rows_after_the_task_timeout_and_the_rerun_sends_it_again()
    {
        await using var server = await Server();
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.PutProducts, BulkOutcome = "stuck", Skip = 1 });

        var first = await RunAsync(new EvotorBulkImport(Client(server), Options(server)), Rows(30));

        var stuck = first.Where(r => r.Status != BulkImportResult.Ok).ToList();
        Assert.Equal(Enumerable.Range(11, 10).Select(i => (long)i), stuck.Select(r => r.Row));
        Assert.All(stuck, r => Assert.Equal("timeout", r.ErrorCode));
        Assert.Contains($"Task {stuck[0].TaskId} was still RUNNING after 300 ms of polling", stuck[0].Message);
        Assert.Contains("sends the chunk again if not", stuck[0].Message);
        Assert.Equal("RUNNING", server.Evotor.FindBulkTask(stuck[0].TaskId!)!.Status);

        var second = new EvotorBulkImport(Client(server), Options(server));
        var results = await RunAsync(second, Rows(30));

        Assert.All(results, r => Assert.Equal(BulkImportResult.Ok, r.Status));
        Assert.Equal(1, second.Progress.ChunksResent);
        Assert.Equal(2, second.Progress.ChunksResumed);
        Assert.Equal(4, server.Requests.Count(EvotorRouteKeys.PutProducts));
        Assert.Equal(30, server.Evotor.ProductsOf(server.Evotor.Stores[0].Id).Count);
    }

    [Fact]
    public async Task Items_a_task_failed_on_the_servers_side_are_sent_again_by_the_rerun()
    {
        await using var server = await Server();
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.PutProducts, BulkOutcome = "failed", Skip = 2 });

        var first = await RunAsync(new EvotorBulkImport(Client(server), Options(server)), Rows(30));

        var failed = first.Where(r => r.Status != BulkImportResult.Ok).ToList();
        Assert.Equal(Enumerable.Range(21, 10).Select(i => (long)i), failed.Select(r => r.Row));
        Assert.All(failed, r => Assert.Equal("internal_error", r.ErrorCode));
        Assert.Contains("a rerun with the same -CheckpointPath sends its chunk again", failed[0].Message);

        var second = new EvotorBulkImport(Client(server), Options(server));
        var results = await RunAsync(second, Rows(30));

        Assert.All(results, r => Assert.Equal(BulkImportResult.Ok, r.Status));
        Assert.Equal(1, second.Progress.ChunksResent);
        Assert.Equal(4, server.Requests.Count(EvotorRouteKeys.PutProducts));
        Assert.Equal(30, server.Evotor.ProductsOf(server.Evotor.Stores[0].Id).Count);
    }

    [Fact]
    public async Task Items_the_server_refused_for_their_own_faults_are_not_sent_again()
    {
        await using var server = await Server();
        var missingGroup = Guid.NewGuid().ToString();
        IEnumerable<InputFields> Input() => Rows(20, i => i == 5 ? missingGroup : null);

        var first = await RunAsync(new EvotorBulkImport(Client(server), Options(server)), Input());
        var second = new EvotorBulkImport(Client(server), Options(server));
        var results = await RunAsync(second, Input());

        var refused = Assert.Single(results, r => r.Status != BulkImportResult.Ok);
        Assert.Equal(5, refused.Row);
        Assert.Contains(refused.Violations, v => v.Subject == "parent_id");
        Assert.Equal(first.Select(r => (r.Row, r.Status, r.ErrorCode)), results.Select(r => (r.Row, r.Status, r.ErrorCode)));
        Assert.Equal(0, second.Progress.ChunksResent);
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.PutProducts));
    }

    [Fact]
    public async Task A_cancel_while_a_chunks_put_is_on_its_way_keeps_its_task_so_the_rerun_does_not_send_it_twice()
    {
        await using var server = await Server();
        using var cts = new CancellationTokenSource();
        var puts = 0;
        // Cancel the moment the second PUT reaches the server, before the server has answered it.
        void OnRequest(string key)
        {
            if (key == EvotorRouteKeys.PutProducts && Interlocked.Increment(ref puts) == 2) cts.Cancel();
        }
        server.Requests.RequestStarted += OnRequest;
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(new EvotorBulkImport(Client(server), Options(server)), Rows(30), cts.Token));
        }
        finally
        {
            server.Requests.RequestStarted -= OnRequest;
        }

        var second = new EvotorBulkImport(Client(server), Options(server));
        var results = await RunAsync(second, Rows(30));

        Assert.All(results, r => Assert.Equal(BulkImportResult.Ok, r.Status));
        Assert.Equal(2, second.Progress.ChunksResumed);
        Assert.Equal(3, server.Requests.Count(EvotorRouteKeys.PutProducts));
        Assert.Equal(3, server.Evotor.BulkTasks.Count);
    }
}
