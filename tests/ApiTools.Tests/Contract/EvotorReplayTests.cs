using System.Text.Json;

namespace ApiTools.Tests.Contract;

/// <summary>Published Evotor payloads replayed through the client: every item comes out, and every leaf of each item
/// lands in a typed property or in Extra.</summary>
public class EvotorReplayTests
{
    public static TheoryData<string> Stores() => Corpus.Cases("evotor", "stores-list");

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Store_lists(string file)
    {
        var payload = Corpus.Read(file);
        var stores = await Replay.Evotor(payload).GetStoresAsync().ToListAsync();
        AssertItemsLand(payload, stores, file);
    }

    /// <summary>Each published item is one model, in order, and nothing of it is lost.</summary>
    internal static void AssertItemsLand<T>(string payload, IReadOnlyList<T> models, string file)
    {
        using var document = JsonDocument.Parse(payload);
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, models.Count);
        for (var i = 0; i < items.Count; i++) Leaves.AssertAllLand(Leaves.Of(items[i]), models[i], $"{file} item {i}");
    }
}
