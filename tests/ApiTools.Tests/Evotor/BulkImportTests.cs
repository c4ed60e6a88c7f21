using System.Globalization;
using ApiTools.Emulator;
using ApiTools.Evotor.Bulk;
using ApiTools.Input;
using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.Evotor;

namespace ApiTools.Tests.Evotor;

public class BulkImportTests
{
    private static Task<EmulatorServer> BulkServer() => StartAsync(o =>
    {
        o.EvotorStores = 1;
        o.EvotorProductsPerStore = 0;
        o.EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(30);
    });

    /// <summary>Rows as Import-Csv gives them: text, ru-RU decimals; every <paramref name="badEvery"/>th row has a bad price.</summary>
    private static IEnumerable<InputFields> Rows(int count, int badEvery = 0) =>
        Enumerable.Range(1, count).Select(i => new InputFields(new Dictionary<string, object?>
        {
            ["Name"] = $"Товар №{i}, \"тест\"",
            ["Price"] = badEvery > 0 && i % badEvery == 0 ? "12 345,6" : (i % 1000 + 0.25m).ToString(CultureInfo.GetCultureInfo("ru-RU")),
            ["MeasureName"] = "шт", ["Tax"] = "NO_VAT", ["AllowToSell"] = "True", ["Type"] = "NORMAL",
            ["Barcodes"] = $"{4600000000000 + i};{4700000000000 + i}",
        }));

    private static BulkImportOptions Options(EmulatorServer server, Func<BulkImportOptions, BulkImportOptions>? more = null)
    {
        var o = new BulkImportOptions(server.Evotor.Stores[0].Id)
        {
            FirstPoll = TimeSpan.FromMilliseconds(10), MaxPoll = TimeSpan.FromMilliseconds(50), ThrottleLimit = 4,
        };
        return more?.Invoke(o) ?? o;
    }

    private static async Task<List<BulkImportResult>> RunAsync(EvotorBulkImport import, IEnumerable<InputFields> rows, CancellationToken ct = default)
    {
        var results = new List<BulkImportResult>();
        foreach (var row in rows) results.AddRange((await import.AddAsync(row, ct)).Results);
        results.AddRange((await import.CompleteAsync(ct)).Results);
        return results;
    }

    [Fact]
    public async Task Twenty_thousand_rows_valid_ones_stored_once_invalid_ones_reported_by_row()
    {
        await using var server = await BulkServer();
        using var import = new EvotorBulkImport(Client(server), Options(server));

        var results = await RunAsync(import, Rows(20_000, badEvery: 997));

        Assert.Equal(Enumerable.Range(1, 20_000).Select(i => (long)i), results.Select(r => r.Row));
        var invalid = results.Where(r => r.Status == BulkImportResult.Invalid).ToList();
        Assert.Equal(20_000 / 997, invalid.Count);
        Assert.All(invalid, r => Assert.Equal(0, r.Row % 997));
        Assert.All(invalid, r => Assert.Contains(r.Violations, v => v.Subject == "Price"));
        Assert.All(results.Where(r => r.Status != BulkImportResult.Invalid), r => Assert.Equal(BulkImportResult.Ok, r.Status));

        var stored = server.Evotor.ProductsOf(server.Evotor.Stores[0].Id);
        var valid = results.Where(r => r.Status == BulkImportResult.Ok).ToList();
        Assert.Equal(valid.Count, stored.Count);
        Assert.Equal(valid.Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal), stored.Select(p => p.Id));
        var byId = stored.ToDictionary(p => p.Id);
        foreach (var r in valid.Where(r => r.Row % 113 == 1))
        {
            Assert.Equal($"Товар №{r.Row}, \"тест\"", byId[r.Id!].Name);
            Assert.Equal(r.Row % 1000 + 0.25m, byId[r.Id!].Price);
            Assert.Equal(new[] { $"{4600000000000 + r.Row}", $"{4700000000000 + r.Row}" }, byId[r.Id!].Barcodes);
        }
        Assert.Equal((valid.Count + 999) / 1000, server.Requests.Count(EvotorRouteKeys.PutProducts));
    }

    [Fact]
    public async Task The_same_input_makes_the_same_ids()
    {
        await using var server = await BulkServer();
        using var dry1 = new EvotorBulkImport(Client(server), Options(server, o => new BulkImportOptions(o.StoreId) { FirstPoll = o.FirstPoll }));
        var first = await RunAsync(new EvotorBulkImport(Client(server), Options(server)), Rows(50));
        await using var again = await BulkServer();
        var second = await RunAsync(new EvotorBulkImport(Client(again), Options(again)), Rows(50));
        Assert.Equal(first.Select(r => r.Id), second.Select(r => r.Id));
    }

    [Fact]
    public async Task Chunks_close_at_the_item_limit()
    {
        await using var server = await BulkServer();
        using var import = new EvotorBulkImport(Client(server), Options(server, o => new BulkImportOptions(o.StoreId)
        {
            MaxItemsPerChunk = 7, FirstPoll = o.FirstPoll, MaxPoll = o.MaxPoll,
        }));

        var results = await RunAsync(import, Rows(30));

        Assert.All(results, r => Assert.Equal(BulkImportResult.Ok, r.Status));
        Assert.Equal(5, server.Requests.Count(EvotorRouteKeys.PutProducts)); // 7+7+7+7+2
        Assert.Equal(5, results.Select(r => r.TaskId).Distinct().Count());
    }

    [Fact]
    public async Task Chunks_close_at_the_byte_limit_and_the_dry_run_sends_nothing()
    {
        await using var server = await BulkServer();
        const int limit = 3_000;
        using var dryRun = new EvotorBulkImport(Client(server), new BulkImportOptions(server.Evotor.Stores[0].Id) { MaxBytesPerChunk = limit, DryRun = true });

        var planned = new List<BulkChunkInfo>();
        foreach (var row in Rows(100)) planned.AddRange((await dryRun.AddAsync(row)).Planned);
        var last = await dryRun.CompleteAsync();
        planned.AddRange(last.Planned);

        Assert.Equal(0, server.Requests.Total);
        Assert.True(planned.Count > 1);
        Assert.All(planned, c => Assert.InRange(c.Bytes, 1, limit));
        Assert.Equal(100, planned.Sum(c => c.Items));
        Assert.Equal(Enumerable.Range(1, planned.Count), planned.Select(c => c.Number));

        using var real = new EvotorBulkImport(Client(server), Options(server, o => new BulkImportOptions(o.StoreId) { MaxBytesPerChunk = limit, FirstPoll = o.FirstPoll }));
        var results = await RunAsync(real, Rows(100));
        Assert.All(results, r => Assert.Equal(BulkImportResult.Ok, r.Status));
        Assert.Equal(planned.Count, server.Requests.Count(EvotorRouteKeys.PutProducts));
    }

    [Fact]
    public async Task A_cancelled_import_resumes_from_its_checkpoint_without_losing_or_repeating_anything()
    {
        const int rows = 5_000;
        var checkpoint = Path.Combine(Path.GetTempPath(), $"apitools-checkpoint-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var server = await BulkServer();
            server.Settings.EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(150);
            BulkImportOptions Resumable() => new(server.Evotor.Stores[0].Id)
            {
                MaxItemsPerChunk = 500, ThrottleLimit = 1, CheckpointPath = checkpoint,
                FirstPoll = TimeSpan.FromMilliseconds(10), MaxPoll = TimeSpan.FromMilliseconds(50),
            };

            // Run 1: Ctrl+C once the third chunk has been sent.
            using (var cts = new CancellationTokenSource())
            {
                using var first = new EvotorBulkImport(Client(server), Resumable());
                var running = RunAsync(first, Rows(rows), cts.Token);
                await server.WaitForRequestAsync(EvotorRouteKeys.PutProducts, 3, TimeSpan.FromSeconds(30));
                cts.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
            }
            var sentBefore = server.Requests.Count(EvotorRouteKeys.PutProducts);

            // Run 2: the same command again.
            using var second = new EvotorBulkImport(Client(server), Resumable());
            var results = await RunAsync(second, Rows(rows));

            Assert.Equal(Enumerable.Range(1, rows).Select(i => (long)i), results.Select(r => r.Row));
            Assert.All(results, r => Assert.Equal(BulkImportResult.Ok, r.Status));
            Assert.True(second.Progress.ChunksResumed >= 2, $"resumed {second.Progress.ChunksResumed} chunks");
            // Ten chunks in all: a PUT on its way at the cancel still gets its answer recorded, so none goes twice.
            Assert.Equal(10, server.Requests.Count(EvotorRouteKeys.PutProducts));
            Assert.Equal(10 - second.Progress.ChunksResumed, server.Requests.Count(EvotorRouteKeys.PutProducts) - sentBefore);

            var stored = server.Evotor.ProductsOf(server.Evotor.Stores[0].Id);
            Assert.Equal(rows, stored.Count);
            Assert.Equal(results.Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal), stored.Select(p => p.Id));

            // The resumed run reports exactly what an uninterrupted run reports.
            await using var clean = await BulkServer();
            var uninterrupted = await RunAsync(new EvotorBulkImport(Client(clean), Options(clean)), Rows(rows));
            Assert.Equal(uninterrupted.Select(r => (r.Row, r.Id, r.Status)), results.Select(r => (r.Row, r.Id, r.Status)));
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public async Task A_task_the_server_no_longer_knows_is_sent_again_on_resume()
    {
        var checkpoint = Path.Combine(Path.GetTempPath(), $"apitools-checkpoint-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var server = await BulkServer();
            BulkImportOptions Resumable() => new(server.Evotor.Stores[0].Id)
            {
                MaxItemsPerChunk = 10, CheckpointPath = checkpoint, FirstPoll = TimeSpan.FromMilliseconds(10), MaxPoll = TimeSpan.FromMilliseconds(50),
            };
            using (var first = new EvotorBulkImport(Client(server), Resumable())) await RunAsync(first, Rows(30));
            server.Reset(); // the server forgets the tasks and the products

            using var second = new EvotorBulkImport(Client(server), Resumable());
            var results = await RunAsync(second, Rows(30));

            Assert.All(results, r => Assert.Equal(BulkImportResult.Ok, r.Status));
            Assert.Equal(3, server.Requests.Count(EvotorRouteKeys.PutProducts));
            Assert.Equal(30, server.Evotor.ProductsOf(server.Evotor.Stores[0].Id).Count);
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public async Task A_checkpoint_of_another_import_is_refused_before_anything_is_sent()
    {
        var checkpoint = Path.Combine(Path.GetTempPath(), $"apitools-checkpoint-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var server = await StartAsync(o => { o.EvotorStores = 2; o.EvotorProductsPerStore = 0; o.EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(20); });
            using (var first = new EvotorBulkImport(Client(server), new BulkImportOptions(server.Evotor.Stores[0].Id) { CheckpointPath = checkpoint, FirstPoll = TimeSpan.FromMilliseconds(10) }))
                await RunAsync(first, Rows(5));
            var sent = server.Requests.Total;

            var error = Assert.Throws<InvalidDataException>(() =>
                new EvotorBulkImport(Client(server), new BulkImportOptions(server.Evotor.Stores[1].Id) { CheckpointPath = checkpoint }));

            Assert.Contains(server.Evotor.Stores[0].Id, error.Message);
            Assert.Equal(sent, server.Requests.Total);
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public async Task A_checkpoint_holds_no_secret_and_no_row_content()
    {
        var checkpoint = Path.Combine(Path.GetTempPath(), $"apitools-checkpoint-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var server = await BulkServer();
            using (var import = new EvotorBulkImport(Client(server), Options(server, o => new BulkImportOptions(o.StoreId) { CheckpointPath = checkpoint, FirstPoll = o.FirstPoll })))
                await RunAsync(import, Rows(20));
            var text = File.ReadAllText(checkpoint);
            Assert.Contains("finished", text);
            Assert.DoesNotContain(Token, text);
            Assert.DoesNotContain("Товар", text);
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }
}
