using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

/// <summary>Write-side plumbing for the emulator tests: JSON sends, violation checks, a tiny PNG encoder, bulk polling.</summary>
internal static class EvotorWriteHttp
{
    public const string V2Json = "application/vnd.evotor.v2+json";
    public const string BulkJson = "application/vnd.evotor.v2+bulk+json";

    /// <summary>A product body with every required field; <paramref name="extra"/> is appended inside the braces (",\"code\":\"1\"").</summary>
    public static string ProductJson(string name = "Товар", string extra = "") =>
        $$"""{"name":"{{name}}","price":10.5,"measure_name":"шт","tax":"NO_VAT","allow_to_sell":true,"type":"NORMAL"{{extra}}}""";

    public static async Task<(HttpResponseMessage Response, string Body, JsonElement Json)> SendAsync(
        HttpClient client, HttpMethod method, string path, string? json = null, string contentType = V2Json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var parsed = default(JsonElement);
        if (body.Length > 0)
        {
            using var document = JsonDocument.Parse(body);
            parsed = document.RootElement.Clone();
        }
        return (response, body, parsed);
    }

    /// <summary>Sends and asserts the status; returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectAsync(HttpClient client, HttpMethod method, string path, string? json, HttpStatusCode status,
        string contentType = V2Json)
    {
        var (response, body, parsed) = await SendAsync(client, method, path, json, contentType);
        Assert.True(response.StatusCode == status, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        if (body.Length > 0) AssertNoNulls(parsed);
        return parsed;
    }

    /// <summary>A 400 body's violations as (subject, reason), after checking its code and message.</summary>
    public static List<(string Subject, string Reason)> Violations(JsonElement error)
    {
        Assert.Equal("validation_failed", error.GetProperty("code").GetString());
        Assert.Equal("validation failed for specified payload", error.GetProperty("message").GetString());
        var list = error.GetProperty("violations").EnumerateArray()
            .Select(v => (v.GetProperty("subject").GetString()!, v.GetProperty("reason").GetString()!)).ToList();
        Assert.All(list, v => Assert.False(string.IsNullOrWhiteSpace(v.Item2)));
        return list;
    }

    /// <summary>Sends, expects a 400 and returns the violated subjects, sorted.</summary>
    public static async Task<List<string>> BadRequestSubjectsAsync(HttpClient client, HttpMethod method, string path, string? json,
        string contentType = V2Json)
    {
        var error = await ExpectAsync(client, method, path, json, HttpStatusCode.BadRequest, contentType);
        return [.. Violations(error).Select(v => v.Subject).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Polls GET /evotor/bulks/{id} until the task is COMPLETED, FAILED or DECLINED (bounded by
    /// <paramref name="limit"/>); returns the statuses seen, in order without repeats, and the final task.
    /// </summary>
    public static async Task<(List<string> Statuses, JsonElement Task)> PollBulkAsync(HttpClient client, string id, TimeSpan? limit = null)
    {
        var seen = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < (limit ?? TimeSpan.FromSeconds(20)))
        {
            var (response, body, json) = await GetJsonAsync(client, "evotor/bulks/" + id);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var status = json.GetProperty("status").GetString()!;
            if (seen.Count == 0 || seen[^1] != status) seen.Add(status);
            if (status is "COMPLETED" or "FAILED" or "DECLINED") return (seen, json);
            await Task.Delay(10); // poll pacing only: the outcome is decided by the loop's condition
        }
        throw new Xunit.Sdk.XunitException($"bulk task {id} did not finish; statuses seen: {string.Join(" → ", seen)}");
    }

    public static async Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { EvotorStores = 2, EvotorProductsPerStore = 5, EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(50) };
        configure?.Invoke(options);
        return await EmulatorServer.StartAsync(options);
    }
}

/// <summary>A minimal PNG encoder (8-bit RGB, one IDAT), enough to make valid images of any size.</summary>
internal static class TinyPng
{
    public static byte[] Make(int width, int height)
    {
        var raw = new byte[(width * 3 + 1) * height];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * 3 + 1); // filter byte 0, then RGB
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + x * 3] = (byte)(x * 7);
                raw[row + 2 + x * 3] = (byte)(y * 5);
                raw[row + 3 + x * 3] = (byte)(x ^ y);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: RGB
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFFu;
    }
}
