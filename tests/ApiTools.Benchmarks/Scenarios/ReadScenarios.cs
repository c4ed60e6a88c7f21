using System.Collections;
using ApiTools.Benchmarks.Support;
using ApiTools.Emulator;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.Paging;

namespace ApiTools.Benchmarks.Scenarios;

/// <summary>P1 (streaming throughput), P2 (prefetch overlap), P3 (memory while streaming).</summary>
public static class ReadScenarios
{
    public const string Token = HostedPowerShell.Token;

    public static EvotorClient Client(Uri evotorBaseUri) =>
        new(EvotorConnection.Create(Secret.FromString(Token), evotorBaseUri, "bench"));

    /// <summary>P1: 100k products through Get-EvotorProduct in the hosted engine, and through the library alone, vs the raw loop.</summary>
    public static async Task P1Async(BenchOptions o, Report report)
    {
        var n = o.Quick ? 20_000 : 100_000;
        var runs = o.Quick ? 3 : 5;
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 1, EvotorProductsPerStore = n });
        try
        {
            var store = server.Evotor.Stores[0].Id;
            var client = Client(server.EvotorBaseUri);
            using var raw = new RawEvotorLoop(server.EvotorBaseUri, Token);
            using var session = HostedPowerShell.Connected(server.EvotorBaseUri);
            var vars = new Hashtable { ["s"] = store };

            // Correctness first, outside the clock: each path sees every product, in the pages expected.
            var counted = session.Run("(Get-EvotorProduct -StoreId $s | Measure-Object).Count", vars)[0].BaseObject;
            if (Convert.ToInt64(counted) != n) throw new InvalidOperationException($"Get-EvotorProduct wrote {counted} products, expected {n}.");
            if (await raw.ReadProductsAsync(store) != n) throw new InvalidOperationException("The raw loop missed products.");
            if (await CountAsync(client, store) != n) throw new InvalidOperationException("The library missed products.");
            // The same-model loop must make the same objects the library makes: a checksum over every product's fields.
            long rawSum = 0, libSum = 0;
            if (await raw.ReadProductModelsAsync(store, p => { rawSum += Checksum(p); return default; }) != n)
                throw new InvalidOperationException("The same-model raw loop missed products.");
            await foreach (var p in client.GetProductsAsync(store)) libSum += Checksum(p);
            if (rawSum != libSum) throw new InvalidOperationException("The same-model raw loop and the library parsed different products.");
            // The engine's own per-item cost, for the bound: the same Product written n times by a cmdlet that does nothing else.
            session.Run("Import-Module -Assembly ([ApiTools.Benchmarks.Support.WriteObjectsCommand].Assembly); $global:one = Get-EvotorProduct -StoreId $s -First 1", vars);
            server.Requests.Reset();

            var results = await Measure.InterleavedAsync(runs, warmup: true, o.Log,
                ("raw loop", () => Measure.SecondsAsync(() => raw.ReadProductsAsync(store))),
                ("raw loop, same model", () => Measure.SecondsAsync(() => raw.ReadProductModelsAsync(store))),
                ("library", () => Measure.SecondsAsync(() => CountAsync(client, store))),
                ("cmdlet", () => Task.FromResult(Measure.Seconds(() => session.Run("Get-EvotorProduct -StoreId $s | Out-Null", vars)))),
                ("engine floor", () => Task.FromResult(Measure.Seconds(() => session.Run($"Write-BenchObjects -Item $global:one -Count {n} | Out-Null", vars)))));
            var pages = server.Requests.Count(EvotorRouteKeys.Products);
            var floor = Measure.Median(results[4]);
            var (rawS, sameS, libS, cmdS) = (Measure.Median(results[0]), Measure.Median(results[1]), Measure.Median(results[2]), Measure.Median(results[3]));
            report.AddRatio("P1", $"Get-EvotorProduct, {n / 1000}k products, hosted engine, | Out-Null", cmdS, rawS, "s", 1.15, atMost: true);
            report.AddRatio("P1", $"client library alone, {n / 1000}k products, await foreach", libS, rawS, "s", 1.05, atMost: true);
            report.AddRatio("P1", $"Get-EvotorProduct, {n / 1000}k products, vs raw loop parsing the same Product model", cmdS, sameS, "s", 1.15, atMost: true);
            report.AddRatio("P1", $"client library alone, {n / 1000}k products, vs raw loop parsing the same Product model", libS, sameS, "s", 1.05, atMost: true);
            report.Note("P1", $"{n:N0} products in pages of 1000, 0 ms latency, in-process emulator; median of {runs} interleaved runs after one warm-up each. " +
                              $"Raw loop (4-field DTO) {rawS * 1000:0} ms ({n / rawS:N0} items/s), raw loop with the same Product model {sameS * 1000:0} ms ({n / sameS:N0}/s), " +
                              $"library {libS * 1000:0} ms ({n / libS:N0}/s), cmdlet {cmdS * 1000:0} ms ({n / cmdS:N0}/s); " +
                              $"engine floor (Write-BenchObjects writing one Product {n:N0} times | Out-Null, same runspace) {floor * 1000:0} ms, " +
                              $"{floor / n * 1e6:0.00} µs per item = {floor / rawS:0.00} × the raw loop, {floor / sameS:0.00} × the same-model loop; " +
                              $"{pages} product-page requests over {(runs + 1) * 4} listings ({(double)pages / ((runs + 1) * 4):0.#} each). " +
                              "The same-model loop deserialises each page into SameModelPage (List<ApiTools.Evotor.Models.Product> + paging) with a source-generated " +
                              "context of the benchmarks carrying the library's options (SnakeCaseLower, WhenWritingNull, EvotorTimestampConverter); a checksum over " +
                              "every product's fields matched the library's before timing.");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A per-process checksum of the fields of a product (string hashes are per process, which is all a comparison in one run needs).</summary>
    private static long Checksum(ApiTools.Evotor.Models.Product p) =>
        HashCode.Combine(p.Id, p.Name, p.Price, p.Quantity, p.CostPrice, p.UpdatedAt, p.CreatedAt,
            HashCode.Combine(p.Barcodes?.Count, p.AlcoCodes?.Count, p.AttributesChoices?.Count, p.Extra?.Count, p.Type, p.Tax, p.AllowToSell, p.ParentId));

    private static async Task<long> CountAsync(EvotorClient client, string store, long? first = null)
    {
        long count = 0;
        await foreach (var _ in client.GetProductsAsync(store, null, new PageRange(0, first))) count++;
        return count;
    }

    /// <summary>P2: 20 pages, 50 ms server latency, a consumer that spends 50 ms per page: library (prefetch) vs fetch-then-consume.</summary>
    public static async Task P2Async(BenchOptions o, Report report)
    {
        const int pages = 20, pageSize = 1000;
        var latency = TimeSpan.FromMilliseconds(50);
        var consume = TimeSpan.FromMilliseconds(50);
        var runs = o.Quick ? 2 : 5;
        var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            EvotorStores = 1, EvotorProductsPerStore = pages * pageSize, MaxPageSize = pageSize, Latency = latency,
        });
        try
        {
            var store = server.Evotor.Stores[0].Id;
            var client = Client(server.EvotorBaseUri);
            using var raw = new RawEvotorLoop(server.EvotorBaseUri, Token);

            async Task<double> Library() => await Measure.SecondsAsync(async () =>
            {
                long n = 0;
                await foreach (var _ in client.GetProductsAsync(store))
                    if (++n % pageSize == 0) await Task.Delay(consume);
                if (n != pages * pageSize) throw new InvalidOperationException($"library saw {n} items");
            });
            async Task<double> Sequential() => await Measure.SecondsAsync(async () =>
            {
                long n = 0;
                var total = await raw.ReadProductsAsync(store, _ => ++n % pageSize == 0 ? new ValueTask(Task.Delay(consume)) : default);
                if (total != pages * pageSize) throw new InvalidOperationException($"raw loop saw {total} items");
            });

            var results = await Measure.InterleavedAsync(runs, warmup: true, o.Log, ("fetch then consume", Sequential), ("library", Library));
            var (seq, lib) = (Measure.Median(results[0]), Measure.Median(results[1]));
            report.AddRatio("P2", $"{pages} pages × {pageSize}, 50 ms latency, consumer 50 ms/page (library)", lib, seq, "s", 0.6, atMost: true);
            var ideal = (latency + pages * consume).TotalSeconds;
            report.Note("P2", $"consumer = `await Task.Delay(50 ms)` after every {pageSize}th item (an I/O-bound consumer; no CPU burnt). " +
                              $"Reference: the raw loop awaits each page, then consumes it. Floors: sequential ≈ {pages} × (50 + 50) ms = {pages * 0.1:0.0} s; " +
                              $"perfect overlap ≈ 50 ms + {pages} × 50 ms = {ideal:0.00} s ({ideal / (pages * 0.1):0.00} ×). Median of {runs}.");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>P3: peak managed memory streaming 1M products (discarded) vs 100k, emulator in a child process.</summary>
    public static async Task P3Async(BenchOptions o, Report report)
    {
        var (big, small) = o.Quick ? (300_000, 30_000) : (1_000_000, 100_000);
        var runs = o.Quick ? 2 : 3;
        await using var emulator = await EmulatorProcess.StartAsync("--evotor-stores", "1", "--evotor-products-per-store", big.ToString());
        var client = Client(emulator.EvotorBaseUri);
        var store = await FirstStoreAsync(client);
        await CountAsync(client, store, 5_000); // warm: JIT, connection

        var time = new List<double>[] { new(), new() };
        async Task<double> Peak(long n, int slot)
        {
            long seen = 0;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var bytes = await PeakMemory.OfAsync(async () => seen = await CountAsync(client, store, n));
            time[slot].Add(sw.Elapsed.TotalSeconds);
            if (seen != n) throw new InvalidOperationException($"streamed {seen} of {n}");
            return bytes / 1048576.0;
        }
        var results = await Measure.InterleavedAsync(runs, warmup: false, o.Log,
            ($"{small / 1000}k peak MB", () => Peak(small, 0)), ($"{big / 1000}k peak MB", () => Peak(big, 1)));
        var (s, b) = (Measure.Median(results[0]), Measure.Median(results[1]));
        report.AddRatio("P3", $"peak managed memory streaming {Size(big)} products (library) vs {Size(small)}", b, s, "MB", 1.2, atMost: true);
        report.Note("P3", $"peak of GC.GetTotalMemory(false) sampled every 2 ms on a background thread, minus the baseline read after a full compacting GC just before the run " +
                          $"(so uncollected garbage counts: the figure is bounded by the gen0 budget plus what stays alive). The emulator runs in a child process, so this heap " +
                          $"holds the client only. `await foreach` over GetProductsAsync, items discarded. Median of {runs}; " +
                          $"{Size(small)}: {Measure.Median(time[0]):0.0} s, {Size(big)}: {Measure.Median(time[1]):0.0} s " +
                          $"({big / Measure.Median(time[1]):N0} items/s with the emulator out of process).");
    }

    public static async Task<string> FirstStoreAsync(EvotorClient client)
    {
        await foreach (var s in client.GetStoresAsync()) return s.Id;
        throw new InvalidOperationException("The emulator has no store.");
    }

    public static string Size(long n) => n >= 1_000_000 ? $"{n / 1_000_000.0:0.#}M" : $"{n / 1000}k";
}
