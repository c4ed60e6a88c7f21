using ApiTools.EnDocs;
using ApiTools.Emulator;
using ApiTools.Errors;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// Issue 19, cases 7 to 9: servers that page wrongly. Progress is measured in new items: every item is delivered once
/// (ids out of order included, never dropped), and a server that makes none (a fresh cursor for the same items, a page
/// number or after-id it ignores) ends the listing with a clear error after a few requests, never an endless loop.
/// </summary>
public sealed class NoProgressTests
{
    private const string Invoices = EnDocsRouteKeys.NewInvoices;

    [Fact]
    public async Task EnDocs_ids_out_of_order_are_all_delivered_once_with_a_warning()
    {
        await using var server = await EmulatorServer.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = Invoices, OutOfOrder = true });
        var expected = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Select(d => d.Id).ToList();
        var observer = new RecordingObserver();
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("endocs-demo-token"), server.EnDocsBaseUri, "test", HostileCase.Retry), observer);

        var received = (await client.GetDocumentsAsync(EnDocsDocumentType.Invoice).ToListAsync()).Select(d => d.Id).ToList();

        HostileCase.Report("EnDocs", "ids out of order", "2, 1, 4, 3…", expected.Count, received.Count, 0,
            $"every id once: {expected.Order().SequenceEqual(received.Order())}; warned: {observer.Warnings.Any(w => w.Contains("out of order"))}");
        Assert.NotEqual(expected, received); // they did come out of order
        Assert.Equal(expected.Order(), received.Order());
        Assert.Contains(observer.Warnings, w => w.Contains("out of order"));
    }

    [Fact]
    public async Task EnDocs_ids_out_of_order_in_an_answer_that_breaks_off_are_all_delivered_once()
    {
        await using var server = await EmulatorServer.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = Invoices, OutOfOrder = true, TruncateBody = true });
        server.Faults.Enqueue(new FaultRule { Route = Invoices, OutOfOrder = true });
        var expected = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Select(d => d.Id).ToList();
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("endocs-demo-token"), server.EnDocsBaseUri, "test", HostileCase.Retry));

        var received = (await client.GetDocumentsAsync(EnDocsDocumentType.Invoice).ToListAsync()).Select(d => d.Id).ToList();

        HostileCase.Report("EnDocs", "ids out of order", "and the answer breaks off half way", expected.Count, received.Count, server.Requests.Count(Invoices) - 1,
            $"every id once: {expected.Order().SequenceEqual(received.Order())}, {server.Requests.Count(Invoices)} requests");
        Assert.Equal(expected.Order(), received.Order());
        Assert.Equal(received.Count, received.Distinct().Count());
    }

    [Fact]
    public async Task After_ids_out_of_order_a_broken_answer_is_asked_for_again_from_the_start_and_no_late_id_is_lost()
    {
        // 5, 3 and the answer ends; a resume after 5 would never see 3's neighbours below 5 again: it must ask after 0.
        var answered = 0;
        await using var server = new HostileServer(async (request, stream, ct) =>
        {
            var after = System.Text.RegularExpressions.Regex.Match(request.Target, "/GetNewInvoices/(\\d+)/").Groups[1].Value;
            await HostileServer.HeadAsync(stream, 200, "application/json", null, ct);
            var body = HostileServer.Chunked(stream);
            if (Interlocked.Increment(ref answered) == 1)
            {
                await HostileServer.WriteAsync(body, "{\"key\":4,\"value\":[{\"id\":5},{\"id\":3},", ct);
                return; // the connection closes half way through the list
            }
            await HostileServer.WriteAsync(body, after == "0" ? "{\"key\":4,\"value\":[{\"id\":3},{\"id\":4},{\"id\":5},{\"id\":7}]}" : "{\"key\":1,\"value\":[{\"id\":7}]}", ct);
            await body.DisposeAsync();
        });
        var observer = new RecordingObserver();
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("endocs-token-123"), server.BaseUri("endocs"), "test", HostileCase.Retry), observer);

        var received = (await client.GetDocumentsAsync(EnDocsDocumentType.Invoice).ToListAsync()).Select(d => d.Id).ToList();

        HostileCase.Report("EnDocs", "ids out of order", "5, 3, then the answer breaks off", 4, received.Count, server.Requests - 1,
            $"received {string.Join(", ", received)}; asked again after 0: {server.Received.Last().Target.Contains("/0/")}");
        Assert.Equal([5L, 3L, 4L, 7L], received); // 4 came late, below 5: a resume after 5 would have lost it
        Assert.Equal(2, server.Requests);
        Assert.Contains("/GetNewInvoices/0/", server.Received.Last().Target);
        Assert.Contains(observer.Warnings, w => w.Contains("out of order"));
    }

    [Fact]
    public async Task An_EnDocs_server_that_ignores_the_after_id_and_breaks_off_ends_in_a_clear_error_after_a_few_requests()
    {
        await using var server = await EmulatorServer.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = Invoices, IgnorePaging = true, TruncateBody = true, Times = 1000 });
        var expected = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Select(d => d.Id).ToList();
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("endocs-demo-token"), server.EnDocsBaseUri, "test", HostileCase.Retry));
        var received = new List<long>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var d in client.GetDocumentsAsync(EnDocsDocumentType.Invoice)) received.Add(d.Id);
        });

        var requests = server.Requests.Count(Invoices);
        HostileCase.Report("EnDocs", "after-id ignored", "every answer from the start, broken off half way", expected.Count, received.Count, requests - 1,
            $"{requests} requests; {error.Message}");
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("no progress", error.Message);
        Assert.Contains("incomplete", error.Message);
        Assert.Equal(expected.Take(received.Count), received); // the first half, once each
        Assert.Equal(1 + EnDocsClient.MaxResumesWithoutProgress, requests);
    }

    [Fact]
    public async Task An_EnDocs_answer_that_repeats_one_document_without_end_is_cut_off_after_it_came_once()
    {
        await using var server = new HostileServer(async (_, stream, ct) =>
        {
            await HostileServer.HeadAsync(stream, 200, "application/json", null, ct);
            var body = HostileServer.Chunked(stream);
            await HostileServer.WriteAsync(body, "{\"key\":1,\"value\":[{\"id\":5}", ct);
            while (!ct.IsCancellationRequested) await HostileServer.WriteAsync(body, ",{\"id\":5}", ct);
        });
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("endocs-token-123"), server.BaseUri("endocs"), "test", HostileCase.Retry));
        var received = new List<long>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var d in client.GetDocumentsAsync(EnDocsDocumentType.Invoice)) received.Add(d.Id);
        });

        HostileCase.Report("EnDocs", "one document repeated without end", "id 5, again and again, in one answer", 1, received.Count, server.Requests - 1, error.Message);
        Assert.Equal([5L], received);
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("repeats itself", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task An_Evotor_server_answering_the_same_items_with_fresh_cursors_ends_in_a_clear_error_after_one_page()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 30, MaxPageSize = 10 });
        server.Faults.Enqueue(new FaultRule { Route = "GET /evotor/stores", IgnorePaging = true, Times = 100_000 });
        var client = Support.Evotor.Client(server, retry: HostileCase.Retry);
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var s in client.GetStoresAsync()) received.Add(s.Id);
        });

        var requests = server.Requests.Count("GET /evotor/stores");
        HostileCase.Report("Evotor", "paging ignored", "the first page again with a fresh cursor, every time", 30, received.Count, requests - 1,
            $"{requests} requests; {error.Message}");
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("no progress", error.Message);
        Assert.Equal(10, received.Count);
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.True(requests <= 3, $"{requests} requests");
    }

    [Fact]
    public async Task A_PlanFix_server_that_ignores_pageCurrent_ends_in_a_clear_error_with_no_task_twice()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = 0 });
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, IgnorePaging = true, Times = 1000 });
        var client = new PlanFixClient(PlanFixConnection.WithToken("demo", Secret.FromString("planfix-demo-key"), Secret.FromString("planfix-demo-token"),
            server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = 100, Retry = HostileCase.Retry }));
        var received = new List<long>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var t in client.GetTasksAsync()) received.Add(t.Id);
        });

        var requests = server.Requests.Count(PlanFixRouteKeys.TaskGetList);
        HostileCase.Report("PlanFix", "paging ignored", "page 1 whatever pageCurrent says", 250, received.Count, requests - 1,
            $"{requests} requests, {received.Distinct().Count()} distinct; {error.Message}");
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("no progress", error.Message);
        Assert.Equal(100, received.Count);
        Assert.Equal(100, received.Distinct().Count());
        Assert.True(requests <= 3, $"{requests} requests");
    }

    [Fact]
    public async Task Items_a_server_sends_again_beside_new_ones_are_written_once_with_a_warning()
    {
        // Offset paging while the list changes: page 2 starts with the last task of page 1.
        var pages = new Dictionary<string, string>
        {
            ["1"] = Page(Enumerable.Range(1, 100), 150),
            ["2"] = Page(Enumerable.Range(100, 51), 150),
        };
        await using var answers = new HostileServer((request, stream, ct) =>
        {
            var page = System.Text.RegularExpressions.Regex.Match(request.Body, "<pageCurrent>(\\d+)</pageCurrent>").Groups[1].Value;
            return HostileServer.AnswerAsync(stream, 200, "application/xml", pages[page], ct);
        });
        var observer = new RecordingObserver();
        var client = new PlanFixClient(PlanFixConnection.WithToken("demo", Secret.FromString("planfix-key-1"), Secret.FromString("planfix-token-1"),
            answers.BaseUri("xml/"), "test", new PlanFixOptions { RequestsPerSecond = 100, Retry = HostileCase.Retry }), observer);

        var ids = (await client.InvokeListAsync("task.getList", null).ToListAsync()).Select(t => t.Element("id")!.Value).ToList();

        Assert.Equal(Enumerable.Range(1, 150).Select(i => i.ToString()), ids);
        Assert.Contains(observer.Warnings, w => w.Contains("again"));

        static string Page(IEnumerable<int> ids, int total) =>
            $"<response status=\"ok\"><tasks count=\"{ids.Count()}\" totalCount=\"{total}\">{string.Concat(ids.Select(i => $"<task><id>{i}</id></task>"))}</tasks></response>";
    }
}
