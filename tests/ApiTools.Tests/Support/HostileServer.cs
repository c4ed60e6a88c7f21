using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ApiTools.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 server whose every byte the test writes: for what the emulator cannot play (a body nested 20,000
/// deep, a name of 300 Cyrillic letters, a body that trickles in for longer than the attempt timeout) and what must be
/// exact (a stall after precisely these bytes). Each connection carries one request; the answer says Connection: close.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Request, Stream, CancellationToken, Task> _answer;
    private readonly Task _accepting;
    private int _requests;

    /// <param name="answer">Writes the whole answer, status line first; <see cref="HeadAsync"/> and <see cref="StallAsync"/> help.</param>
    public HostileServer(Func<Request, Stream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseUri(string path = "") => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{path}");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<Request> Received { get; } = new();

    /// <summary>The status line and headers; chunked when <paramref name="contentLength"/> is null.</summary>
    public static Task HeadAsync(Stream stream, int status, string contentType, long? contentLength, CancellationToken cancellationToken, string? extraHeaders = null)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {(status < 400 ? "OK" : "Error")}\r\nConnection: close\r\nContent-Type: {contentType}\r\n");
        head.Append(contentLength is long n ? $"Content-Length: {n}\r\n" : "Transfer-Encoding: chunked\r\n");
        if (extraHeaders is not null) head.Append(extraHeaders);
        head.Append("\r\n");
        return WriteAsync(stream, head.ToString(), cancellationToken);
    }

    /// <summary>A whole answer with a Content-Length.</summary>
    public static async Task AnswerAsync(Stream stream, int status, string contentType, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await HeadAsync(stream, status, contentType, bytes.Length, cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    public static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Sends nothing more until the client hangs up (or the server stops).</summary>
    public static async Task StallAsync(Stream stream, CancellationToken cancellationToken)
    {
        var one = new byte[1];
        try
        {
            // The client sends nothing more; a read ends when it closes the connection.
            while (await stream.ReadAsync(one, cancellationToken) > 0) { }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // reset by the client: gone
        }
    }

    /// <summary>HTTP/1.1 chunked framing over <paramref name="inner"/>; disposing it writes the last chunk.</summary>
    public static Stream Chunked(Stream inner) => new ChunkedStream(inner);

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
            var request = await ReadRequestAsync(stream);
            Received.Enqueue(request);
            Interlocked.Increment(ref _requests);
            await _answer(request, stream, _stop.Token);
        }
        catch (Exception)
        {
            // The client hung up once it had seen enough, or gave up: that is often the point.
        }
    }

    /// <summary>The request line, headers and a Content-Length body.</summary>
    private static async Task<Request> ReadRequestAsync(NetworkStream stream)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (!(header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("the client went away");
            header.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(header.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text) : 0;
        var body = new byte[length];
        for (var read = 0; read < length;)
        {
            var n = await stream.ReadAsync(body.AsMemory(read));
            if (n == 0) throw new IOException("the client went away");
            read += n;
        }
        var parts = lines[0].Split(' ');
        return new Request(parts[0], parts.Length > 1 ? parts[1] : "/", headers, Encoding.UTF8.GetString(body));
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    /// <summary>One request as the server read it.</summary>
    public sealed record Request(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);

    private sealed class ChunkedStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
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
