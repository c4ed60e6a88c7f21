using System.Net;
using System.Text.Json;
using ApiTools.Evotor;
using ApiTools.Evotor.Bulk;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.Input;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Contract;

/// <summary>
/// Request bodies others published (tests/contract/evotor/request-*), given to the module as a user's input (an object
/// with those fields, as a hashtable or an Import-Csv row would be) and sent through the client: every value of the
/// published body goes out, save the read-only fields Evotor sets itself (store_id, user_id, created_at, updated_at),
/// which the module never sends back.
/// </summary>
public class EvotorRequestReplayTests
{
    private const string Store = "20170228-F4F1-401B-80FA-9ECCA8451FFB";
    private static readonly string[] ReadOnly = ["store_id", "user_id", "created_at", "updated_at"];

    public static TheoryData<string> Requests() => Corpus.Cases("evotor",
        Directory.GetDirectories(Path.Combine(Corpus.Root, "evotor"), "request-*").Select(Path.GetFileName).ToArray()!);

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Published_request_bodies_go_out_whole(string file)
    {
        var folder = file.Split('/')[1];
        var payload = Corpus.Read(file);
        var canned = Answers();
        var client = Replay.Evotor(canned);
        using var json = JsonDocument.Parse(payload);
        var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];

        if (folder.Contains("bulk", StringComparison.Ordinal))
        {
            var kind = folder.Contains("group", StringComparison.Ordinal) ? BulkKind.ProductGroup : BulkKind.Product;
            var results = await Import(client, kind, items);
            if (folder == "request-product-bulk-post")
            {
                // The Java SDK's fixture leaves out allow_to_sell, which Evotor's write contract requires: refused before sending.
                var refused = Assert.Single(results);
                Assert.Contains(refused.Violations!, v => v.Subject == "AllowToSell");
                return;
            }
            Assert.All(results, r => Assert.Equal(BulkImportResult.Ok, r.Status));
        }
        else
        {
            foreach (var item in items) await Send(client, folder, item);
        }

        var sent = canned.Requests.Where(r => r.Method is "POST" or "PUT" or "PATCH").Select(r => r.Body!).ToList();
        Assert.NotEmpty(sent);
        var leaves = items.SelectMany(i => Leaves.Of(i)).Where(l => !ReadOnly.Any(r => l.Path.StartsWith("$." + r, StringComparison.Ordinal)) && !l.Path.Contains("].$", StringComparison.Ordinal));
        var sentValues = sent.Select(b => JsonDocument.Parse(b).RootElement.Clone()).ToList();
        Leaves.AssertAllLand(leaves, sentValues, file + " (as sent)");
    }

    private static async Task Send(EvotorClient client, string folder, JsonElement item)
    {
        var fields = Fields(item);
        switch (folder)
        {
            case "request-product-create":
                await client.CreateProductAsync(Store, ProductInput.Read(fields, "item 1", requireId: false, idIgnored: true));
                break;
            case "request-product-put":
                await client.PutProductAsync(Store, ProductInput.Read(WithId(fields, item), "item 1", requireId: true));
                break;
            case "request-product-patch":
                await client.PatchProductAsync(Store, "p1", new ProductPatch { Price = fields.Decimal("Price"), Quantity = fields.Decimal("Quantity"), CostPrice = fields.Decimal("CostPrice") });
                break;
            case "request-product-group-create":
                await client.CreateProductGroupAsync(Store, ProductGroupInput.Read(fields, "item 1", requireId: false, idIgnored: true));
                break;
            case "request-product-group-put":
                await client.PutProductGroupAsync(Store, ProductGroupInput.Read(WithId(fields, item), "item 1", requireId: true));
                break;
            case "request-product-group-patch":
                await client.PatchProductGroupAsync(Store, "g1", new ProductGroupPatch { Name = fields.Text("Name"), ParentId = fields.Text("ParentId") });
                break;
            default:
                throw new InvalidOperationException($"No replay for {folder}: add one.");
        }
    }

    private static async Task<List<BulkImportResult>> Import(EvotorClient client, BulkKind kind, List<JsonElement> items)
    {
        using var import = new EvotorBulkImport(client, new BulkImportOptions(Store, kind) { FirstPoll = TimeSpan.FromMilliseconds(1) });
        var results = new List<BulkImportResult>();
        foreach (var item in items) results.AddRange((await import.AddAsync(Fields(item))).Results);
        results.AddRange((await import.CompleteAsync()).Results);
        return results;
    }

    /// <summary>Writes answered as Evotor documents them: 200 without a body (PUT, PATCH), a bulk task that completes.</summary>
    private static CannedAnswers Answers()
    {
        string? bulk = null;
        return new CannedAnswers()
            .When(s => s.Method is "PUT" or "POST" && s.Body!.TrimStart().StartsWith('['), s =>
            {
                bulk = s.Body;
                return CannedAnswers.Answer("""{"id":"t1","status":"ACCEPTED"}""", status: HttpStatusCode.Accepted);
            })
            .When(s => s.Path == "/bulks/t1", _ => CannedAnswers.Answer($$"""{"id":"t1","status":"COMPLETED","details":{{bulk}}}"""))
            .When(s => s.Method is "GET", _ => CannedAnswers.Answer("""{"id":"p1","name":"read back"}"""))
            .When(_ => true, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) });
    }

    /// <summary>The published object as input: its JSON names, values as a hashtable would hold them.</summary>
    private static InputFields Fields(JsonElement item) =>
        new(item.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value.Clone())));

    /// <summary>A PUT of one item names its id in the path (the published bodies carry none): as Set-* -Id gives it.</summary>
    private static InputFields WithId(InputFields fields, JsonElement item) =>
        item.TryGetProperty("id", out _) ? fields
            : new(item.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value.Clone()))
                .Append(new KeyValuePair<string, object?>("Id", "11111111-2222-3333-4444-555555555555")));
}
