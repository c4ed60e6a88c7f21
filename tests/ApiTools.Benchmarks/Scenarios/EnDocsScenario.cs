using System.Diagnostics;
using ApiTools.Benchmarks.Support;
using ApiTools.EnDocs;
using ApiTools.EnDocs.Models;
using ApiTools.Emulator;
using ApiTools.Http;

namespace ApiTools.Benchmarks.Scenarios;

/// <summary>P8: one EnDocs list of 100k documents in one response: time against a raw streaming STJ reader, and memory flat.</summary>
public static class EnDocsScenario
{
    public const string Token = "endocs-demo-token";

    public static EnDocsClient Client(Uri enDocsBaseUri) => new(EnDocsConnection.Create(Secret.FromString(Token), enDocsBaseUri, "bench"));

    public static async Task P8Async(BenchOptions o, Report report)
    {
        await TimeAsync(o, report);
        await MemoryAsync(o, report);
    }

    /// <summary>Time: the library's GetDocumentsAsync(Invoice) vs <see cref="RawEnDocsLoop"/> over the same body, in-process emulator.</summary>
    private static async Task TimeAsync(BenchOptions o, Report report)
    {
        var n = o.Quick ? 20_000 : 100_000;
        var runs = o.Quick ? 3 : 5;
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { EnDocsInvoices = n, EnDocsRateLimit = 0 });
        try
        {
            var client = Client(server.EnDocsBaseUri);
            using var raw = new RawEnDocsLoop(server.EnDocsBaseUri, Token);

            // Correctness first, outside the clock: both see every invoice, with the same fields.
            // The emulator leaves out invoices that carry an ext_ID (about 15 %), as EnDocs does: the list is what it says it holds.
            var listed = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).LongCount();
            long rawSum = 0, libSum = 0;
            var rawSeen = await raw.ReadInvoicesAsync(0, d => rawSum += Checksum(d));
            long seen = 0;
            await foreach (var d in client.GetDocumentsAsync(EnDocsDocumentType.Invoice)) { seen++; libSum += Checksum(d); }
            if (seen != listed || rawSeen != listed) throw new InvalidOperationException($"The library listed {seen} invoices, the raw reader {rawSeen}, the emulator holds {listed} without ext_ID.");
            if (rawSum != libSum) throw new InvalidOperationException("The raw reader and the library made different documents.");

            var results = await Measure.InterleavedAsync(runs, warmup: true, o.Log,
                ("raw STJ reader", () => Measure.SecondsAsync(() => raw.ReadInvoicesAsync())),
                ("library", () => Measure.SecondsAsync(() => CountAsync(client))));
            var (rawS, libS) = (Measure.Median(results[0]), Measure.Median(results[1]));
            report.AddRatio("P8", $"EnDocs: {ReadScenarios.Size(n)} invoices seeded ({listed:N0} listed) in one response, GetDocumentsAsync (library) vs raw streaming STJ reader", libS, rawS, "s", 1.15, atMost: true);
            report.Note("P8", $"time: {n:N0} invoices seeded, {listed:N0} listed ({raw.LastBodyBytes / 1048576.0:0.0} MB of JSON) in one `{{\"key\":n,\"value\":[…]}}` response from the in-process emulator, 0 ms latency, " +
                              $"rate limit off; median of {runs} interleaved runs after one warm-up each. Reference: RawEnDocsLoop, HttpClient with ResponseHeadersRead and " +
                              "a small streaming reader (Utf8JsonReader over a refilled pooled 64 KB buffer, each element deserialised by a source-generated context once " +
                              "TrySkip shows it whole, then mapped to the library's EnDocsDocument; items handed to the consumer synchronously). Library: `await foreach` over " +
                              $"EnDocsClient.GetDocumentsAsync(Invoice). Raw {rawS * 1000:0} ms ({n / rawS:N0} items/s), library {libS * 1000:0} ms ({n / libS:N0}/s); " +
                              "a checksum over every document's fields matched before timing.");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Memory: peak managed memory of the library listing the big list vs the small one, emulator in a child process.</summary>
    private static async Task MemoryAsync(BenchOptions o, Report report)
    {
        var (big, small) = o.Quick ? (20_000, 5_000) : (100_000, 20_000);
        var runs = o.Quick ? 2 : 3;
        await using var emulator = await EmulatorProcess.StartAsync("--endocs-invoices", big.ToString(), "--endocs-rate-limit", "0");
        var client = Client(emulator.EnDocsBaseUri);
        using var raw = new RawEnDocsLoop(emulator.EnDocsBaseUri, Token);

        // The small list is the tail of the same body: everything after the id of one listed invoice, chosen so that it holds
        // small/big of the big list (ids come in order; the emulator leaves out the ~15 % that carry an ext_ID).
        var ids = new List<long>();
        await foreach (var d in client.GetDocumentsAsync(EnDocsDocumentType.Invoice)) ids.Add(d.Id);
        long listed = ids.Count, tail = listed * small / big;
        var afterId = ids[(int)(listed - tail) - 1];
        ids = null;
        if (await CountAsync(client, afterId) != tail) throw new InvalidOperationException($"After id {afterId} the list is not {tail} invoices long.");
        if (await raw.ReadInvoicesAsync() != listed) throw new InvalidOperationException("The raw reader missed invoices.");

        var time = new List<double>[] { new(), new(), new() };
        async Task<double> Peak(Func<Task<long>> list, long expected, int slot)
        {
            long seen = 0;
            var sw = Stopwatch.StartNew();
            var bytes = await PeakMemory.OfAsync(async () => seen = await list());
            time[slot].Add(sw.Elapsed.TotalSeconds);
            if (seen != expected) throw new InvalidOperationException($"listed {seen} of {expected}");
            return bytes / 1048576.0;
        }
        var results = await Measure.InterleavedAsync(runs, warmup: false, o.Log,
            ($"library {ReadScenarios.Size(small)} peak MB", () => Peak(() => CountAsync(client, afterId), tail, 0)),
            ($"library {ReadScenarios.Size(big)} peak MB", () => Peak(() => CountAsync(client), listed, 1)),
            ($"raw reader {ReadScenarios.Size(big)} peak MB", () => Peak(() => raw.ReadInvoicesAsync(), listed, 2)));
        var (s, b, r) = (Measure.Median(results[0]), Measure.Median(results[1]), Measure.Median(results[2]));
        report.AddRatio("P8", $"EnDocs: peak managed memory listing {ReadScenarios.Size(big)} seeded invoices (library) vs {ReadScenarios.Size(small)} ({listed:N0} vs {tail:N0} listed)", b, s, "MB", 1.2, atMost: true);
        report.Note("P8", $"memory: the emulator runs in a child process with {big:N0} invoices, so this heap holds the client only; the {ReadScenarios.Size(small)} " +
                          $"listing is the same list after id {afterId} (its last {tail:N0} of {listed:N0} listed). Peak of GC.GetTotalMemory(false) sampled every 2 ms minus the baseline " +
                          $"after a full compacting GC, as in P3; items counted and dropped. Median of {runs}: library {ReadScenarios.Size(small)} {s:0.0} MB in " +
                          $"{Measure.Median(time[0]):0.00} s, {ReadScenarios.Size(big)} {b:0.0} MB in {Measure.Median(time[1]):0.00} s; the raw reader at " +
                          $"{ReadScenarios.Size(big)} (for scale) {r:0.0} MB in {Measure.Median(time[2]):0.00} s.");
    }

    private static async Task<long> CountAsync(EnDocsClient client, long afterId = 0)
    {
        long count = 0;
        await foreach (var _ in client.GetDocumentsAsync(EnDocsDocumentType.Invoice, afterId)) count++;
        return count;
    }

    private static long Checksum(EnDocsDocument d) =>
        HashCode.Combine(d.Id, d.DocNumber, d.Amount, d.AmountToPay, d.DocDate?.UtcTicks, d.Created?.UtcTicks, d.ContractorInn,
            HashCode.Combine(d.OrganizationName, d.State, d.Signed, d.ExtId, d.PackageId, d.TablePart?.ToString(), d.PaymentDate?.UtcTicks,
                HashCode.Combine(d.Type, d.Contractor?.Bank, d.Contractor?.Bill, d.Organization?.Bik, d.OrganizationExtId, d.CreatedBy)));
}
