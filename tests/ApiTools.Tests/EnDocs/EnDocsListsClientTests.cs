using ApiTools.EnDocs;
using ApiTools.EnDocs.Models;
using ApiTools.Emulator;
using ApiTools.Tests.Support;
using static ApiTools.Tests.EnDocs.EnDocsTest;

namespace ApiTools.Tests.EnDocs;

/// <summary>Memory is measured for the whole process: the big listing runs with no other test beside it.</summary>
[CollectionDefinition(nameof(EnDocsMemoryCollection), DisableParallelization = true)]
public class EnDocsMemoryCollection { }

[Collection(nameof(EnDocsMemoryCollection))]
public class EnDocsBigListTests
{
    [Fact]
    public async Task Two_hundred_thousand_invoices_stream_items_arrive_while_the_body_is_still_being_written_and_memory_stays_flat()
    {
        const int Count = 200_000;
        await using var server = await StartAsync(o => { o.EnDocsInvoices = Count; o.EnDocsRateLimit = 0; });
        var client = Client(server);
        var listed = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Count();

        var seen = 0;
        long? inFlightAtFirst = null;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        await foreach (var document in client.GetDocumentsAsync(EnDocsDocumentType.Invoice))
        {
            if (seen == 0)
            {
                // The consumer holds the first item: the server cannot have finished a body of this size.
                await Task.Delay(200);
                inFlightAtFirst = server.Requests.InFlight;
            }
            seen++;
            if (seen % 40_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        Assert.Equal(listed, seen);
        Assert.True(listed > 150_000, $"{listed} listed"); // EnDocs leaves out those with an ext_ID
        Assert.Equal(1, inFlightAtFirst);
        Assert.Equal(1, server.Requests.Count(InvoicesRoute));
        // The body is well over 100 MB; what is held at any time is a buffer and a few hundred items.
        Assert.True(peak < 48L * 1024 * 1024, $"retained memory grew by {peak / (1024 * 1024)} MB while streaming");
    }
}

public class EnDocsListsClientTests
{

    [Fact]
    public async Task AfterId_gives_exactly_the_documents_above_it_in_id_order_typed_and_flat()
    {
        await using var server = await StartAsync();
        var client = Client(server);

        var all = await client.GetDocumentsAsync(EnDocsDocumentType.Invoice).ToListAsync();
        var expected = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).ToList();
        Assert.Equal(expected.Select(d => d.Id), all.Select(d => d.Id));
        Assert.All(all, d => Assert.Equal(EnDocsDocumentType.Invoice, d.Type));
        Assert.All(all, d => Assert.Equal(14, d.DocTypeId));
        Assert.Contains(all, d => d.ContractorName is { Length: > 0 } && d.ContractorInn is { Length: > 0 });
        Assert.Contains(all, d => d.OrganizationName == "ООО Ромашка");

        var middle = all[all.Count / 2].Id;
        var rest = await client.GetDocumentsAsync(EnDocsDocumentType.Invoice, middle).ToListAsync();
        Assert.Equal(all.Where(d => d.Id > middle).Select(d => d.Id), rest.Select(d => d.Id));
        Assert.Empty(await client.GetDocumentsAsync(EnDocsDocumentType.Invoice, all[^1].Id).ToListAsync());
        Assert.Equal(3, server.Requests.Count(InvoicesRoute));
    }

    [Fact]
    public async Task Contracts_come_as_EnDocsContract_and_every_list_type_reads()
    {
        await using var server = await StartAsync();
        var client = Client(server);

        var contracts = await client.GetDocumentsAsync(EnDocsDocumentType.Contract).ToListAsync();
        Assert.NotEmpty(contracts);
        var typed = Assert.IsType<EnDocsContract>(contracts[0]);
        Assert.False(string.IsNullOrEmpty(typed.Name));
        Assert.Contains(contracts.Cast<EnDocsContract>(), c => c.ContractType is "С поставщиком" or "С покупателем");

        Assert.Equal(server.EnDocs.Listed(EnDocsDocumentKind.Input).Count(), (await client.GetDocumentsAsync(EnDocsDocumentType.Input).ToListAsync()).Count);
        Assert.Equal(server.EnDocs.Listed(EnDocsDocumentKind.NonForm).Count(), (await client.GetDocumentsAsync(EnDocsDocumentType.NonForm).ToListAsync()).Count);
        Assert.NotEmpty(await client.GetUsersAsync().ToListAsync());
        Assert.Equal("ООО Ромашка", (await client.GetClientInfoAsync()).Name);
    }

    [Fact]
    public async Task Sync_off_is_an_empty_list()
    {
        await using var server = await StartAsync(o => o.EnDocsSyncOff = true);
        Assert.Empty(await Client(server).GetDocumentsAsync(EnDocsDocumentType.Contract).ToListAsync());
    }

    [Theory]
    [InlineData("truncateBody")] // reset half way through the streamed body
    [InlineData("shortBody")] // a clean end half way: malformed JSON
    public async Task A_body_broken_after_items_were_yielded_goes_on_after_the_last_id_and_repeats_nothing(string kind)
    {
        await using var server = await StartAsync(o => o.EnDocsInvoices = 5000);
        server.Faults.Enqueue(kind == "shortBody"
            ? new FaultRule { Route = InvoicesRoute, ShortBody = true }
            : new FaultRule { Route = InvoicesRoute, TruncateBody = true });
        var observer = new RecordingObserver();
        var client = Client(server, observer);

        var ids = new List<long>();
        await foreach (var d in client.GetDocumentsAsync(EnDocsDocumentType.Invoice)) ids.Add(d.Id);

        Assert.Equal(server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Select(i => i.Id), ids); // all, in order, once
        Assert.Equal(2, server.Requests.Count(InvoicesRoute));
        var warning = Assert.Single(observer.Warnings);
        Assert.Contains("asking again for the documents after id", warning);
    }

    [Fact]
    public async Task Stopping_early_costs_one_request_and_ends_the_download()
    {
        await using var server = await StartAsync(o => { o.EnDocsInvoices = 100_000; o.EnDocsRateLimit = 0; });
        var client = Client(server);

        var first = new List<EnDocsDocument>();
        await foreach (var d in client.GetDocumentsAsync(EnDocsDocumentType.Invoice))
        {
            first.Add(d);
            if (first.Count == 5) break;
        }

        Assert.Equal(5, first.Count);
        await server.Requests.WaitForIdleAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, server.Requests.Count(InvoicesRoute));
    }

    [Fact]
    public async Task Rate_limit_429_is_waited_out_as_the_server_asks()
    {
        await using var server = await StartAsync(o => { o.EnDocsRateLimit = 2; o.EnDocsRateWindow = TimeSpan.FromSeconds(1); });
        var observer = new RecordingObserver();
        var client = Client(server, observer);

        for (var i = 0; i < 4; i++) Assert.Equal("ООО Ромашка", (await client.GetClientInfoAsync()).Name);

        Assert.True(observer.CountStatus(429) >= 1);
        Assert.Contains(observer.Waits, w => w.Reason.Contains("retrying"));
    }

    [Fact]
    public async Task The_api_base_path_serves_the_same_routes()
    {
        await using var server = await StartAsync();
        var client = Client(server, baseUri: new Uri(server.EnDocsBaseUri + "/api"));
        Assert.Equal(server.EnDocs.Listed(EnDocsDocumentKind.Contract).Count(), (await client.GetDocumentsAsync(EnDocsDocumentType.Contract).ToListAsync()).Count);
    }
}
