using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ApiTools.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 server that answers every request 200 with a body made by <c>write</c>, under a Content-Length
/// it is told (which may be a lie) or chunked. What a broken or hostile server would send to make a client hold too much.
/// </summary>
internal sealed class OversizedAnswerServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly long? _contentLength;
    private readonly string _contentType;
    private readonly Func<Stream, CancellationToken, Task> _write;
    private readonly Task _accepting;
    private int _requests;

    public OversizedAnswerServer(string contentType, long? contentLength, Func<Stream, CancellationToken, Task> write)
    {
        _contentType = contentType;
        _contentLength = contentLength;
        _write = write;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseUri(string path = "") => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{path}");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Writes <paramref name="bytes"/> bytes of <paramref name="fill"/> in 64 KB blocks, stopping when the client goes.</summary>
    public static async Task FillAsync(Stream stream, long bytes, byte fill, CancellationToken cancellationToken)
    {
        var block = new byte[64 * 1024];
        Array.Fill(block, fill);
        for (long sent = 0; sent < bytes; sent += block.Length)
            await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, bytes - sent)), cancellationToken);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            await SkipRequestAsync(stream);
            Interlocked.Increment(ref _requests);
            var head = new StringBuilder("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: ").Append(_contentType).Append("\r\n");
            head.Append(_contentLength is long n ? $"Content-Length: {n}\r\n" : "Transfer-Encoding: chunked\r\n").Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            if (_contentLength is null)
            {
                await using var chunked = new ChunkedStream(stream);
                await _write(chunked, _stop.Token);
            }
            else
            {
                await _write(stream, _stop.Token);
            }
        }
        catch (Exception)
        {
            // The client hung up once it had seen enough: that is the point.
        }
    }

    /// <summary>Reads the request line, headers and a Content-Length body.</summary>
    private static async Task SkipRequestAsync(NetworkStream stream)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (!(header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("the client went away");
            header.Add(one[0]);
        }
        var text = Encoding.ASCII.GetString(header.ToArray());
        var line = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = line is null ? 0 : int.Parse(line["Content-Length:".Length..].Trim());
        var body = new byte[length];
        for (var read = 0; read < length;)
        {
            var n = await stream.ReadAsync(body.AsMemory(read));
            if (n == 0) throw new IOException("the client went away");
            read += n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    /// <summary>HTTP/1.1 chunked framing over the connection.</summary>
    private sealed class ChunkedStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.IsEmpty) return;
            await inner.WriteAsync(Encoding.ASCII.GetBytes($"{buffer.Length:X}\r\n"), cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
            await inner.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            try { await inner.WriteAsync("0\r\n\r\n"u8.ToArray()); }
            catch (Exception) { /* the client has gone */ }
        }
    }
}
