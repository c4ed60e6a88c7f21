using ApiTools.Emulator;
using ApiTools.EnDocs;
using ApiTools.EnDocs.Models;
using ApiTools.Evotor;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.Input;
using ApiTools.PlanFix;
using ApiTools.PlanFix.Models;
using ApiTools.Tests.PlanFix;
using ApiTools.Tests.Support;
using ApiTools.Errors;
using ApiTools.PlanFix.Requests;
using ApiTools.EnDocs.Requests;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// Writes that are not safe to repeat are never sent twice when the first may have been acted on: the server acted and
/// the answer was lost, the answer came back malformed, a 5xx (the server may have acted before failing), or no answer
/// within the timeout. EnDocs only logs its writes' RequestID; an AddOrUpdate keyed by Ext_ID is retried (a repeat updates
/// what the first made: one record), an upload, which EnDocs makes anew each time, is not.
/// </summary>
public sealed class WritesUnderFaultsTests
{
    public static TheoryData<string> MayHaveActed => new() { "answer lost after acting", "truncated answer", "500", "503", "answer slower than the timeout" };

    private static FaultRule Rule(string kind, string route) => kind switch
    {
        "answer lost after acting" => new FaultRule { Route = route, DropResponse = true },
        "truncated answer" => new FaultRule { Route = route, ShortBody = true },
        "500" => new FaultRule { Route = route, Status = 500 },
        "503" => new FaultRule { Route = route, Status = 503 },
        "answer slower than the timeout" => new FaultRule { Route = route, DelayMs = 30_000 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Whether the emulator carried the request out under this fault (a status fault answers before acting).</summary>
    private static bool Acts(string kind) => kind is "answer lost after acting" or "truncated answer";

    [Theory]
    [MemberData(nameof(MayHaveActed))]
    public async Task Evotor_create_product_is_sent_once(string kind)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorProductsPerStore = 3 });
        server.Faults.Enqueue(Rule(kind, EvotorRouteKeys.CreateProduct));
        var client = Support.Evotor.Client(server, retry: FaultMatrix.RetryFor(kind));
        var store = server.Evotor.Stores[0].Id;
        var draft = ProductInput.Read(new InputFields(new Dictionary<string, object?>
        {
            ["Name"] = "Once only", ["Price"] = 10m, ["MeasureName"] = "шт", ["Tax"] = "NO_VAT", ["AllowToSell"] = true, ["Type"] = "NORMAL",
        }), "item 1", requireId: false);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.CreateProductAsync(store, draft));

        var copies = server.Evotor.ProductsOf(store).Count(p => p.Name == "Once only");
        Check("Evotor", kind, "POST product", server.Requests.Count(EvotorRouteKeys.CreateProduct), copies, error);
    }

    [Theory]
    [MemberData(nameof(MayHaveActed))]
    public async Task Evotor_patch_product_is_sent_once(string kind)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorProductsPerStore = 3 });
        server.Faults.Enqueue(Rule(kind, EvotorRouteKeys.PatchProduct));
        var client = Support.Evotor.Client(server, retry: FaultMatrix.RetryFor(kind));
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[0];

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.PatchProductAsync(store, product.Id, new ProductPatch { Price = 12.34m }));

        var patched = server.Evotor.FindProduct(store, product.Id)!.Price == 12.34m ? 1 : 0;
        Check("Evotor", kind, "PATCH product", server.Requests.Count(EvotorRouteKeys.PatchProduct), patched, error);
    }

    /// <summary>PlanFix's adds: each done through the client, and how many copies the emulator then holds.</summary>
    private static readonly Dictionary<string, (Func<PlanFixClient, EmulatorServer, Task> Write, Func<EmulatorServer, int> Copies)> PlanFixAdds = new()
    {
        ["task.add"] = ((c, _) => c.AddTaskAsync(new PlanFixTaskDraft { Title = "Once only" }), s => s.PlanFix.Tasks.Count(t => t.Title == "Once only")),
        ["action.add"] = ((c, s) => c.AddCommentAsync(s.PlanFix.Tasks[0].Id, "Once only"),
            s => s.PlanFix.ActionsOf(s.PlanFix.Tasks[0].Id).Count(a => a.Description.Contains("Once only"))),
        ["contact.add"] = ((c, _) => c.AddContactAsync(new PlanFixContactDraft { Name = "Однажды", LastName = "Контакт" }), s => s.PlanFix.Contacts.Count(x => x.Name == "Однажды")),
        ["project.add"] = ((c, _) => c.AddProjectAsync(new PlanFixProjectDraft { Title = "Однажды" }), s => s.PlanFix.Projects.Count(p => p.Title == "Однажды")),
    };

    public static TheoryData<string, string> PlanFixAddsUnderFaults()
    {
        var data = new TheoryData<string, string>();
        foreach (var write in PlanFixAdds.Keys)
            foreach (var kind in MayHaveActed) data.Add(write, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(PlanFixAddsUnderFaults))]
    public async Task PlanFix_adds_are_sent_once(string write, string kind)
    {
        await using var server = await PlanFixTest.StartAsync();
        var route = PlanFixRouteKeys.Method(write);
        server.Faults.Enqueue(Rule(kind, route));
        var client = PlanFixTest.TokenClient(server, options: PlanFixTest.Options(retry: FaultMatrix.RetryFor(kind)));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => PlanFixAdds[write].Write(client, server));

        Check("PlanFix", kind, write, server.Requests.Count(route), PlanFixAdds[write].Copies(server), error);
    }

    [Theory]
    [MemberData(nameof(MayHaveActed))]
    public async Task PlanFix_file_upload_is_sent_once(string kind)
    {
        await using var server = await PlanFixTest.StartAsync();
        server.Faults.Enqueue(Rule(kind, PlanFixRouteKeys.FileUpload));
        var client = PlanFixTest.TokenClient(server, options: PlanFixTest.Options(retry: FaultMatrix.RetryFor(kind)));
        var path = Path.Combine(Path.GetTempPath(), $"once-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "однажды");
        try
        {
            var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.UploadFileAsync(server.PlanFix.Tasks[0].Id, path));

            var copies = server.PlanFix.Files.Count(f => f.Name == Path.GetFileName(path));
            Check("PlanFix", kind, "file.upload", server.Requests.Count(PlanFixRouteKeys.FileUpload), copies, error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("503")]
    [InlineData("answer lost after acting")]
    public async Task PlanFix_contact_update_is_repeated_and_lands_once(string kind)
    {
        await using var server = await PlanFixTest.StartAsync();
        server.Faults.Enqueue(Rule(kind, PlanFixRouteKeys.ContactUpdate));
        var client = PlanFixTest.TokenClient(server, options: PlanFixTest.Options(retry: FaultMatrix.RetryFor(kind)));
        var contact = server.PlanFix.Contacts[2];

        await client.SetContactAsync(new PlanFixContactDraft { Id = contact.Id, Post = "Повторно" });

        var requests = server.Requests.Count(PlanFixRouteKeys.ContactUpdate);
        FaultReport.Add(new FaultCase("PlanFix", kind, "contact.update (sets the same values again)", 1, 1, 0, requests - 1,
            $"sent {requests} times, the contact has the new value once"));
        Assert.Equal(2, requests); // an update sets the same values again: safe to repeat
        Assert.Equal("Повторно", server.PlanFix.Contacts.Single(c => c.Id == contact.Id).Post);
    }

    [Theory]
    [MemberData(nameof(MayHaveActed))]
    public async Task EnDocs_keyed_write_is_retried_and_leaves_one_record(string kind)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EnDocsRateLimit = 0 });
        const string route = "POST /endocs/Dictionaries/AddOrUpdateContractor";
        server.Faults.Enqueue(Rule(kind, route));
        var client = new EnDocsClient(EnDocsConnection.Create(ApiTools.Http.Secret.FromString("endocs-demo-token"), server.EnDocsBaseUri, "test", FaultMatrix.RetryFor(kind)));

        var result = await client.AddOrUpdateContractorAsync(new EnDocsContractor { ExtId = "C-once", Name = "ООО Однажды" });

        var requests = server.Requests.Count(route);
        var copies = server.EnDocs.Contractors.Count(c => c.ExtId == "C-once");
        FaultReport.Add(new FaultCase("EnDocs", kind, "AddOrUpdateContractor (keyed by Ext_ID)", 1, copies, copies - 1, requests - 1,
            $"sent {requests} times with one RequestID, applied {server.EnDocs.AppliedWrites(route)} time(s), {copies} record(s)"));
        Assert.Equal(2, requests); // retried: the Ext_ID makes a repeat an update
        Assert.Equal(Acts(kind) ? 2 : 1, server.EnDocs.AppliedWrites(route));
        Assert.Equal(1, copies);
        Assert.Equal(!Acts(kind), result.Created); // when the first attempt made it, the repeat updated it
    }

    [Theory]
    [MemberData(nameof(MayHaveActed))]
    public async Task EnDocs_upload_is_sent_once(string kind)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EnDocsRateLimit = 0 });
        server.Faults.Enqueue(Rule(kind, EnDocsRouteKeys.AddOrUpdateNonFormDoc));
        var client = new EnDocsClient(EnDocsConnection.Create(ApiTools.Http.Secret.FromString("endocs-demo-token"), server.EnDocsBaseUri, "test", FaultMatrix.RetryFor(kind)));
        var draft = new EnDocsNonFormDraft();
        draft.Files.Add(new EnDocsFileContent("once-only.pdf", new byte[] { 1, 2, 3 }));
        var before = server.EnDocs.Documents(EnDocsDocumentKind.NonForm).Count;

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.AddNonFormDocumentAsync(draft));

        Check("EnDocs", kind, "AddOrUpdateNonFormDoc", server.Requests.Count(EnDocsRouteKeys.AddOrUpdateNonFormDoc),
            server.EnDocs.Documents(EnDocsDocumentKind.NonForm).Count - before, error);
    }

    private static void Check(string service, string kind, string write, int requests, int effects, ApiException error)
    {
        FaultReport.Add(new FaultCase(service, kind, write + " (not idempotent)", 1, effects, Math.Max(0, effects - 1), requests - 1,
            $"sent {requests} time(s), acted {effects} time(s); error {service}.{error.Kind}"));
        Assert.Equal(1, requests);
        Assert.Equal(Acts(kind) ? 1 : 0, effects);
        // The caller is told the outcome is unknown when the server may have acted.
        Assert.Contains("not retried", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
