using System.Net.Http.Headers;
using System.Text.Json;
using ApiTools.Emulator;

namespace ApiTools.Tests.Contract;

/// <summary>
/// The emulator answers EnDocs' reads in at least the shapes EnDocs published: every key of a published item (nested
/// objects too) is in the emulator's item, with the same JSON kind wherever both hold a value. ext_ID is text or a number
/// in the same published record, so either kind is taken there.
/// </summary>
public class EnDocsConformanceTests
{
    public static TheoryData<string> Answers() => EnDocsReplayTests.Answers();

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task The_emulator_answers_in_the_published_shape(string file)
    {
        using var published = JsonDocument.Parse(Jsonish.Close(Corpus.Read(file)));
        var expected = First(published.RootElement);
        await using var server = await EmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "endocs-demo-token");
        var path = EnDocsReplayTests.Endpoint(file) switch
        {
            "GetClientUsers" => "endocs/Output/GetClientUsers",
            var list => $"endocs/Output/{list}/0/{Guid.NewGuid()}",
        };

        using var answer = JsonDocument.Parse(await http.GetStringAsync(path));
        var items = (answer.RootElement.ValueKind == JsonValueKind.Array ? answer.RootElement : answer.RootElement.GetProperty("value")).EnumerateArray().ToList();
        // The item that fills the most of what the published one fills (a document with both parties).
        var actual = items.OrderByDescending(i => Filled(i, expected)).First();

        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        Assert.True(differences.Count == 0, $"{file}: the emulator's {path} differs from the published shape:\n  " + string.Join("\n  ", differences));
    }

    private static JsonElement First(JsonElement root) =>
        (root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("value")).EnumerateArray().First();

    private static int Filled(JsonElement item, JsonElement expected) =>
        expected.EnumerateObject().Count(p => item.TryGetProperty(p.Name, out var v) && v.ValueKind != JsonValueKind.Null);

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        foreach (var property in expected.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (!actual.TryGetProperty(property.Name, out var value))
            {
                differences.Add($"{at} is missing");
                continue;
            }
            var want = property.Value.ValueKind;
            if (want == JsonValueKind.Null || value.ValueKind == JsonValueKind.Null) continue;
            if (want == JsonValueKind.Object && value.ValueKind == JsonValueKind.Object)
            {
                Compare(property.Value, value, at, differences);
                continue;
            }
            if (Kind(want) != Kind(value.ValueKind) && !(property.Name == "ext_ID" && value.ValueKind is JsonValueKind.String or JsonValueKind.Number))
                differences.Add($"{at} is {value.ValueKind}, published {want}");
        }
    }

    private static JsonValueKind Kind(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;
}
