using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EnDocsHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EnDocsStreamingTests
{
    [Fact]
    public async Task Two_hundred_thousand_invoices_seed_fast_and_stream_out()
    {
        var clock = Stopwatch.StartNew();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EnDocsInvoices = 200_000 });
        var startup = clock.Elapsed;
        using var client = Client(server);
        var expected = server.EnDocs.Documents(EnDocsDocumentKind.Invoice).Count;

        using var response = await client.GetAsync(ListPath(EnDocsDocumentKind.Invoice), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength); // chunked: written as it goes, not built whole first
        await using var stream = await response.Content.ReadAsStreamAsync();
        var (key, items, bytes) = await CountItemsAsync(stream);

        Assert.True(startup < TimeSpan.FromSeconds(5), $"start took {startup}");
        Assert.Equal(200_000, expected);
        Assert.Equal(key, items);
        Assert.InRange(items, 150_000, 190_000); // ~15% carry an ext_ID and are left out
        Assert.True(bytes > 100_000_000, $"{bytes} bytes");
    }

    /// <summary>Reads <c>{"key":n,"value":[…]}</c> from a stream with a bounded buffer, counting the items.</summary>
    private static async Task<(int Key, int Items, long Bytes)> CountItemsAsync(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var filled = 0;
        var state = new JsonReaderState();
        int key = -1, items = 0;
        long total = 0;
        while (true)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = await stream.ReadAsync(buffer.AsMemory(filled));
            total += read;
            filled += read;
            var final = read == 0;
            var consumed = Parse(buffer.AsSpan(0, filled), final, ref state, ref key, ref items);
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (final) return (key, items, total);
        }
    }

    private static int Parse(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref int key, ref int items)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2) items++;
            if (reader.TokenType == JsonTokenType.Number && reader.CurrentDepth == 1 && key < 0) key = reader.GetInt32();
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }
}
