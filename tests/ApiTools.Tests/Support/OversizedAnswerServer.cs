namespace ApiTools.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 server that answers every request 200 with a body made by <c>write</c>, under a Content-Length
/// it is told (which may be a lie) or chunked. What a broken or hostile server would send to make a client hold too much.
/// </summary>
internal sealed class OversizedAnswerServer : IAsyncDisposable
{
    private readonly HostileServer _server;

    public OversizedAnswerServer(string contentType, long? contentLength, Func<Stream, CancellationToken, Task> write)
    {
        _server = new HostileServer(async (_, stream, ct) =>
        {
            await HostileServer.HeadAsync(stream, 200, contentType, contentLength, ct);
            if (contentLength is not null)
            {
                await write(stream, ct);
                return;
            }
            await using var chunked = HostileServer.Chunked(stream);
            await write(chunked, ct);
        });
    }

    public Uri BaseUri(string path = "") => _server.BaseUri(path);

    public int Requests => _server.Requests;

    /// <summary>Writes <paramref name="bytes"/> bytes of <paramref name="fill"/> in 64 KB blocks, stopping when the client goes.</summary>
    public static async Task FillAsync(Stream stream, long bytes, byte fill, CancellationToken cancellationToken)
    {
        var block = new byte[64 * 1024];
        Array.Fill(block, fill);
        for (long sent = 0; sent < bytes; sent += block.Length)
            await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, bytes - sent)), cancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
