using System.Net;
using System.Text.Json;
using ApiTools.EnDocs;
using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.Http;
using ApiTools.Input;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Contract;

/// <summary>
/// The request pages EnDocs published (Postman field schemas, cut off in publication) replayed through the writers: the
/// page's examples, typed in as an Import-Csv row would carry them (a nested object's fields as one column each, e.g.
/// OrganizationExt_ID), go through the reader and the client, and the body sent carries every exemplified field under the
/// page's own key, spelled exactly as there (EnDocs applies only exactly spelled keys on an update), with the page's
/// value; a nested object carries only keys the page gives it. Fields the cut took off a page that the writer requires get
/// a stand-in value, which is not compared.
/// </summary>
public class EnDocsRequestReplayTests
{
    private const string StandIn = "cut-off-in-publication";

    public static TheoryData<string> Requests() => EnDocsReplayTests.Of(f => f.Contains(".request.", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Published_request_examples_are_sent_as_published(string file)
    {
        using var schema = JsonDocument.Parse(Jsonish.Schema(Corpus.Read(file)));
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in schema.RootElement.EnumerateObject())
        {
            if (Example(field.Value) is { } example) fields[field.Name] = example;
            if (field.Value.TryGetProperty("properties", out var nested))
                foreach (var inner in nested.EnumerateObject())
                    if (Example(inner.Value) is { } value) fields[field.Name + inner.Name] = value;
        }
        var canned = new CannedAnswers().When(_ => true, _ => CannedAnswers.Answer("""{"id":1}""", status: HttpStatusCode.Created));
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("replay-request-" + Guid.NewGuid()), new Uri("https://api.endocs.test"), "replay", Support.Evotor.FastRetry),
            handler: canned);

        Func<Task<EnDocsWriteResult>> send = EnDocsReplayTests.Endpoint(file) switch
        {
            "AddOrUpdateContractor" => () => client.AddOrUpdateContractorAsync(EnDocsInput.ReadContractor(Row(fields), file)),
            "AddOrUpdateDepartment" => () => client.AddOrUpdateDepartmentAsync(EnDocsInput.ReadDepartment(Row(fields), file)),
            "AddOrUpdateEmployee" => () => client.AddOrUpdateEmployeeAsync(EnDocsInput.ReadEmployee(Row(fields), file)),
            "AddOrUpdateContract" => () => client.AddOrUpdateContractAsync(EnDocsDocumentInput.ReadContract(Row(fields, "OrganizationExtId", "ContractorExtId"), file)),
            var other => throw new InvalidOperationException($"No request replay for {other}: add one."),
        };
        await send();

        using var body = JsonDocument.Parse(Assert.Single(canned.Requests).Body!);
        var sent = body.RootElement;
        Assert.True(Guid.TryParse(sent.GetProperty("RequestID").GetString(), out _), "every write carries a RequestID");
        foreach (var field in schema.RootElement.EnumerateObject())
        {
            if (field.Name == "RequestID") continue;
            if (field.Value.TryGetProperty("properties", out var nested))
            {
                if (!sent.TryGetProperty(field.Name, out var obj)) continue; // an optional object the row did not fill
                var allowed = nested.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                Assert.All(obj.EnumerateObject(), p => Assert.Contains(p.Name, allowed));
                foreach (var p in obj.EnumerateObject())
                    if (Example(nested.GetProperty(p.Name)) is { } example) Assert.Equal(example, p.Value.GetString());
                continue;
            }
            if (Example(field.Value) is not { } published) continue;
            Assert.True(sent.TryGetProperty(field.Name, out var value), $"{file}: '{field.Name}' was not sent under the page's key");
            Assert.Equal(published, value.GetString());
        }
    }

    private static string? Example(JsonElement field) =>
        field.ValueKind == JsonValueKind.Object && field.TryGetProperty("example", out var e) && e.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>The published fields as a row, with a stand-in for each required field the cut took off.</summary>
    private static InputFields Row(Dictionary<string, object?> published, params string[] required)
    {
        var row = new Dictionary<string, object?>(published, StringComparer.OrdinalIgnoreCase);
        foreach (var field in required)
            if (!new InputFields(row).Has(field)) row[field] = StandIn;
        return new InputFields(row);
    }
}
