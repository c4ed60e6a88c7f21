using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

/// <summary>The fault kinds issue 19 adds, over raw HTTP: bodies that stall, errors that echo the credentials, EnDocs ids out
/// of order, and paging parameters ignored, alone and beside a truncated body.</summary>
public sealed class HostileFaultKindsTests
{
    [Fact]
    public async Task Stall_body_with_a_status_sends_the_head_and_half_the_error_body_then_nothing_until_the_client_goes()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, StallBody = true, Status = 502 });

        using var response = await client.GetAsync("evotor/stores", HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var buffer = new byte[4096];
        using var silence = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopped = await Record.ExceptionAsync(async () =>
        {
            int n;
            while ((n = await body.ReadAsync(buffer, silence.Token)) > 0) received.Write(buffer, 0, n);
        });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.IsAssignableFrom<OperationCanceledException>(stopped); // the body stopped coming, the connection stayed open
        Assert.InRange(received.Length, 1, response.Content.Headers.ContentLength!.Value - 1);
        Assert.StartsWith("{\"code\":", Encoding.UTF8.GetString(received.ToArray()));
        response.Dispose();
        await server.Requests.WaitForIdleAsync(TimeSpan.FromSeconds(10)); // the stall ended when the client went
    }

    [Fact]
    public async Task Stall_body_without_a_status_stalls_the_usual_answer()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, StallBody = true });

        using var response = await client.GetAsync("evotor/stores", HttpCompletionOption.ResponseHeadersRead);
        using var silence = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Content.Headers.ContentLength);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => response.Content.ReadAsByteArrayAsync(silence.Token));
    }

    [Theory]
    [InlineData("plain", "Bearer evotor-demo-token")]
    [InlineData("escaped", "\\u0042\\u0065\\u0061\\u0072\\u0065\\u0072")]
    [InlineData("url", "Bearer%20evotor-demo-token")]
    [InlineData("base64", "QXV0aG9yaXphdGlvbjogQmVhcmVyIGV2b3Rvci1kZW1vLXRva2Vu")]
    public async Task Echo_repeats_the_credentials_in_the_encoding_asked_for(string encoding, string expected)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, Echo = encoding });

        var response = await client.GetAsync("evotor/stores");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, raw);
        using var json = JsonDocument.Parse(raw); // a well-formed error body, whatever the encoding
        Assert.Equal("validation_failed", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Echo_on_PlanFix_is_API_error_0016_repeating_the_Basic_header_and_the_request()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = 0 });
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("planfix-demo-key:planfix-demo-token")));
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, Echo = "escaped" });

        var response = await client.PostAsync("planfix/xml/", new StringContent(
            "<request method=\"task.getList\"><account>demo</account></request>", Encoding.UTF8, "application/xml"));
        var answer = XElement.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("error", answer.Attribute("status")?.Value);
        Assert.Equal("0016", answer.Element("code")?.Value);
        Assert.Contains("Basic cGxhbmZpeC1kZW1vLWtleTpwbGFuZml4LWRlbW8tdG9rZW4=", answer.Element("message")?.Value);
        Assert.Contains("<account>demo</account>", answer.Element("message")?.Value);
    }

    [Fact]
    public async Task Out_of_order_swaps_neighbouring_EnDocs_documents()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = EnDocsClient(server);
        var inOrder = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Select(d => d.Id).ToList();
        server.Faults.Enqueue(new FaultRule { Route = EnDocsRouteKeys.NewInvoices, OutOfOrder = true });

        var ids = await InvoiceIdsAsync(client, 0);

        Assert.Equal(inOrder.Count, ids.Count);
        Assert.Equal(inOrder[1], ids[0]);
        Assert.Equal(inOrder[0], ids[1]);
        Assert.Equal(inOrder.Order(), ids.Order());
    }

    [Fact]
    public async Task Ignore_paging_lists_EnDocs_from_the_start_and_may_break_off_as_well()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = EnDocsClient(server);
        var all = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Select(d => d.Id).ToList();
        server.Faults.Enqueue(new FaultRule { Route = EnDocsRouteKeys.NewInvoices, IgnorePaging = true });
        server.Faults.Enqueue(new FaultRule { Route = EnDocsRouteKeys.NewInvoices, IgnorePaging = true, TruncateBody = true });

        var ignored = await InvoiceIdsAsync(client, all[^2]);
        var broken = await Record.ExceptionAsync(() => InvoiceIdsAsync(client, all[^2]));

        Assert.Equal(all, ignored);
        Assert.NotNull(broken);
    }

    [Fact]
    public async Task Ignore_paging_gives_Evotor_the_first_page_again_with_a_cursor_never_seen_before()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 5, MaxPageSize = 2 });
        using var client = Client(server);
        var first = JsonDocument.Parse(await client.GetStringAsync("evotor/stores")).RootElement;
        var cursor = first.GetProperty("paging").GetProperty("next_cursor").GetString();
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, IgnorePaging = true, Times = 2 });

        var again = JsonDocument.Parse(await client.GetStringAsync($"evotor/stores?cursor={cursor}")).RootElement;
        var third = JsonDocument.Parse(await client.GetStringAsync($"evotor/stores?cursor={cursor}")).RootElement;

        Assert.Equal(first.GetProperty("items").GetRawText(), again.GetProperty("items").GetRawText());
        var fresh = again.GetProperty("paging").GetProperty("next_cursor").GetString();
        Assert.NotEqual(cursor, fresh);
        Assert.NotEqual(fresh, third.GetProperty("paging").GetProperty("next_cursor").GetString());
    }

    [Fact]
    public async Task Ignore_paging_gives_PlanFix_page_1_whatever_pageCurrent_says()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = 0 });
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("planfix-demo-key:planfix-demo-token")));
        async Task<string?> FirstTaskId(int page)
        {
            var response = await client.PostAsync("planfix/xml/", new StringContent(
                $"<request method=\"task.getList\"><account>demo</account><pageCurrent>{page}</pageCurrent><pageSize>10</pageSize></request>",
                Encoding.UTF8, "application/xml"));
            return XElement.Parse(await response.Content.ReadAsStringAsync()).Element("tasks")?.Element("task")?.Element("id")?.Value;
        }
        var pageOne = await FirstTaskId(1);
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, IgnorePaging = true });

        Assert.Equal(pageOne, await FirstTaskId(3));
        Assert.NotEqual(pageOne, await FirstTaskId(3)); // the fault is spent: page 3 again
    }

    [Theory]
    [InlineData("""{"echo":"rot13"}""", "Echo must be one of")]
    [InlineData("""{"stallBody":true,"dropConnection":true}""", "exactly one of")]
    [InlineData("""{"outOfOrder":true,"ignorePaging":true}""", "exactly one of")]
    public async Task New_kinds_are_checked_like_the_others(string json, string expected)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var control = new HttpClient { BaseAddress = server.Address };

        var refused = await control.PostAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(expected, await refused.Content.ReadAsStringAsync());
    }

    private static HttpClient EnDocsClient(EmulatorServer server)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "endocs-demo-token");
        return client;
    }

    private static async Task<List<long>> InvoiceIdsAsync(HttpClient client, long after)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync($"endocs/Output/GetNewInvoices/{after}/{Guid.NewGuid()}")).RootElement;
        return json.GetProperty("value").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
    }
}
