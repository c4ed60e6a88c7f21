using System.Diagnostics;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator;
using ApiTools.PowerShell.Tests.Support;
using ApiTools.Tests.Support;

namespace ApiTools.PowerShell.Tests.Reliability;

/// <summary>
/// Issue 19 as users meet it: the cmdlets against servers that stall, nest without end, send names too long for the
/// disk, or run while another command holds their checkpoint or state file. Each ends in bounded time with an error of
/// its own id, per item where later items can still succeed.
/// </summary>
public sealed class HostileServerCmdletTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("apitools-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The one error a run ended with: a statement-terminating error is in the error stream of a script.</summary>
    private static ErrorRecord TheError(PowerShellResult result) =>
        result.Failure is IContainsErrorRecord failed ? failed.ErrorRecord : Assert.Single(result.Errors);

    [Fact]
    public async Task Stop_returns_within_a_second_while_Get_EvotorStore_reads_a_502_whose_body_stalls()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new HostileServer(async (_, stream, ct) =>
        {
            await HostileServer.HeadAsync(stream, 502, "application/json", 4096, ct);
            await HostileServer.WriteAsync(stream, "{\"code\":\"bad_gateway\",\"message\":\"upstream", ct);
            stalled.TrySetResult();
            await HostileServer.StallAsync(stream, ct);
        });
        using var session = new PowerShellSession();
        session.Run("Connect-Evotor -Token 'evotor-token-123' -BaseUri $u -SkipCheck", new Dictionary<string, object> { ["u"] = server.BaseUri("evotor") });
        using var ps = session.Create("Get-EvotorStore");

        var running = ps.BeginInvoke();
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var clock = Stopwatch.StartNew();
        ps.Stop();
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
    }

    [Fact]
    public async Task Invoke_PlanFixRequest_on_an_answer_nested_20000_deep_is_an_error_and_the_session_goes_on()
    {
        var body = new StringBuilder("<response status=\"ok\">");
        for (var i = 0; i < 20_000; i++) body.Append("<a>");
        for (var i = 0; i < 20_000; i++) body.Append("</a>");
        body.Append("</response>");
        await using var server = new HostileServer((_, stream, ct) => HostileServer.AnswerAsync(stream, 200, "application/xml", body.ToString(), ct));
        using var session = new PowerShellSession();
        session.Run("Connect-PlanFix -Account demo -ApiKey 'planfix-key-1' -Token 'planfix-token-1' -BaseUri $u -SkipCheck",
            new Dictionary<string, object> { ["u"] = server.BaseUri("xml/") });

        var result = session.Run("Invoke-PlanFixRequest -Method task.get -Parameters @{ task = @{ id = 1 } }");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("PlanFix.ProtocolError", error.FullyQualifiedErrorId);
        Assert.Contains("nested more than 64 levels", error.Exception.Message);
        Assert.Equal("alive", session.Run("'alive'").Output.Single().ToString());
    }

    [Fact]
    public async Task Save_EnDocsFile_saves_a_name_over_255_bytes_and_a_file_the_disk_refuses_fails_alone()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "taken.txt"));
        var names = new Dictionary<string, string> { ["1"] = new string('Ж', 190) + ".pdf", ["2"] = "taken.txt", ["3"] = "ok.txt" };
        await using var server = new HostileServer((request, stream, ct) =>
        {
            var id = request.Target.Split('/')[^2]; // …/File/GetFileByExtIntId/{id}/{kind}
            var json = JsonSerializer.Serialize(new { binaries = new[] { new { fileName = names[id], fileBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("file " + id)) } } });
            return HostileServer.AnswerAsync(stream, 200, "application/json", json, ct);
        });
        using var session = new PowerShellSession();
        session.Run("Connect-EnDocs -Token 'endocs-token-123' -BaseUri $u -SkipCheck", new Dictionary<string, object> { ["u"] = server.BaseUri("endocs") });

        var result = session.Run("Save-EnDocsFile -Path $f -Id 1, 2, 3 -Kind NonFormID -Force", new Dictionary<string, object> { ["f"] = _folder });

        Assert.Null(result.Failure);
        var saved = result.Output.Select(o => (FileInfo)o.BaseObject).ToList();
        Assert.Equal(2, saved.Count);
        Assert.True(Encoding.UTF8.GetByteCount(saved[0].Name) <= 255);
        Assert.EndsWith(".pdf", saved[0].Name);
        Assert.Equal("file 1", File.ReadAllText(saved[0].FullName));
        Assert.Equal("file 3", File.ReadAllText(saved[1].FullName));
        var refused = Assert.Single(result.Errors);
        Assert.StartsWith("EnDocs.FileUnwritable", refused.FullyQualifiedErrorId);
        Assert.Equal(3, server.Requests); // one request each: the disk's refusal is not retried, and id 3 was still asked for
    }

    [Fact]
    public async Task Save_EnDocsFile_past_its_DownloadTimeout_is_an_error_for_that_document_and_the_next_is_saved()
    {
        await using var server = new HostileServer(async (request, stream, ct) =>
        {
            if (request.Target.Contains("/GetFileByExtIntId/1/"))
                await TrickleAsync(stream, ct);
            else
                await HostileServer.AnswerAsync(stream, 200, "application/json",
                    "{\"binaries\":[{\"fileName\":\"fast.txt\",\"fileBase64\":\"" + Convert.ToBase64String("fast"u8.ToArray()) + "\"}]}", ct);
        });
        using var session = new PowerShellSession();
        session.Run("Connect-EnDocs -Token 'endocs-token-123' -BaseUri $u -SkipCheck", new Dictionary<string, object> { ["u"] = server.BaseUri("endocs") });

        var result = session.Run("Save-EnDocsFile -Path $f -Id 1, 2 -Kind NonFormID -DownloadTimeout '00:00:01.5'", new Dictionary<string, object> { ["f"] = _folder });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("EnDocs.TimedOut", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Equal("fast.txt", ((FileInfo)Assert.Single(result.Output).BaseObject).Name);
        Assert.Equal(2, server.Requests); // the slow one was not started again
        Assert.False(File.Exists(Path.Combine(_folder, "slow.txt")));

        static async Task TrickleAsync(Stream stream, CancellationToken ct)
        {
            await HostileServer.HeadAsync(stream, 200, "application/json", null, ct);
            await using var body = HostileServer.Chunked(stream);
            await HostileServer.WriteAsync(body, "{\"binaries\":[{\"fileName\":\"slow.txt\",\"fileBase64\":\"", ct);
            for (var i = 0; i < 30; i++)
            {
                await HostileServer.WriteAsync(body, "QUFB", ct);
                await Task.Delay(200, ct); // the server trickles: 6 s in all
            }
            await HostileServer.WriteAsync(body, "\"}]}", ct);
        }
    }

    [Fact]
    public void A_token_with_a_line_break_is_a_configuration_error_that_does_not_show_it()
    {
        using var session = new PowerShellSession();

        var result = session.Run("Connect-Evotor -Token \"secret-part-one`r`nsecret-part-two\"");

        var failure = TheError(result);
        Assert.StartsWith("Evotor.Configuration", failure.FullyQualifiedErrorId);
        Assert.Contains("carriage return", failure.Exception.Message);
        Assert.DoesNotContain(result.AllText(), t => t.Contains("secret-part"));
    }

    [Fact]
    public async Task Get_EnDocsDocument_refuses_a_state_file_another_sync_holds_or_a_link_and_writes_every_document_of_an_out_of_order_list()
    {
        await using var server = await Support.Emulator.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = "GET /endocs/Output/GetNewInvoices/{docId}/{requestId}", OutOfOrder = true });
        using var session = new PowerShellSession();
        session.Run("Connect-EnDocs -Token 'endocs-demo-token' -BaseUri $u -SkipCheck", new Dictionary<string, object> { ["u"] = server.EnDocsBaseUri });
        var state = Path.Combine(_folder, "invoices.state");
        var link = Path.Combine(_folder, "link.state");
        File.CreateSymbolicLink(link, state);

        var listed = session.Run("Get-EnDocsDocument Invoice -StatePath $s", new Dictionary<string, object> { ["s"] = state });
        var ids = listed.Output.Select(o => (long)o.Properties["Id"].Value).ToList();
        Assert.Equal(server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Select(d => d.Id).Order(), ids.Order());
        Assert.Contains(listed.Warnings, w => w.Message.Contains("out of order"));
        Assert.Equal(ids.Max().ToString(), File.ReadAllText(state).Trim());

        using (new FileStream(state, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var held = session.Run("Get-EnDocsDocument Invoice -StatePath $s", new Dictionary<string, object> { ["s"] = state });
            Assert.StartsWith("EnDocs.FileInUse", TheError(held).FullyQualifiedErrorId);
        }
        var linked = session.Run("Get-EnDocsDocument Invoice -StatePath $s", new Dictionary<string, object> { ["s"] = link });
        Assert.StartsWith("EnDocs.FileIsLink", TheError(linked).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task Import_EvotorBulk_on_a_checkpoint_another_import_holds_sends_nothing()
    {
        await using var server = await Support.Emulator.StartAsync(o => o.EvotorStores = 1);
        using var session = new PowerShellSession();
        session.Connect(server);
        var checkpoint = Path.Combine(_folder, "import.checkpoint");
        File.WriteAllText(checkpoint, "");

        PowerShellResult result;
        using (new FileStream(checkpoint, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            result = session.Run(
                "[pscustomobject]@{ Name = 'P'; Price = '1'; MeasureName = 'шт'; Tax = 'NO_VAT'; Type = 'NORMAL'; AllowToSell = 'true' } |" +
                " Import-EvotorBulk -StoreId $s -CheckpointPath $c -Confirm:$false",
                new Dictionary<string, object> { ["s"] = server.Evotor.Stores[0].Id, ["c"] = checkpoint });
        }

        Assert.StartsWith("Evotor.FileInUse", TheError(result).FullyQualifiedErrorId);
        Assert.Equal(0, server.Requests.Count(EvotorRouteKeys.PutProducts));
    }
}
