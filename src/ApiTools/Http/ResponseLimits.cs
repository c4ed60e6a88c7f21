using System.IO;

namespace ApiTools.Http;

/// <summary>
/// Reads an answer within a cap on what the module holds in memory where the API has no need for more (each service
/// keeps its caps beside its client: EvotorClient.MaxAnswerBytes…). A larger answer (by its Content-Length, or by
/// counting when there is none) ends the call with a ProtocolError before it is read whole: a broken or hostile server
/// cannot make a runbook hold gigabytes. Streamed answers (EnDocs lists, files written to disk) have no total cap:
/// their size is the user's data, and they never sit in memory whole.
/// </summary>
public static class ResponseLimits
{
    /// <summary>The body of <paramref name="response"/>, refusing it at once when its Content-Length passes
    /// <paramref name="limit"/>, and while it is read when it has none.</summary>
    public static async Task<Stream> OpenAsync(HttpResponseMessage response, long limit, string service)
    {
        var what = Describe(response);
        if (response.Content.Headers.ContentLength is long length && length > limit) throw TooLarge(service, what, limit, length);
        var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return new CappedStream(body, limit, service, what);
    }

    /// <summary>The whole body as bytes, within <paramref name="limit"/>.</summary>
    public static async Task<byte[]> ReadAllAsync(HttpResponseMessage response, long limit, string service, CancellationToken cancellationToken)
    {
        using var body = await OpenAsync(response, limit, service).ConfigureAwait(false);
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    // Method and path only: the query can carry filters, and never a secret in messages.
    private static string Describe(HttpResponseMessage response) =>
        response.RequestMessage is { } request ? $"{request.Method.Method} {request.RequestUri?.AbsolutePath}" : "a request";

    internal static ApiException TooLarge(string service, string what, long limit, long? length) =>
        new(service, ApiErrorKind.ProtocolError,
            $"{service} {what} answered with {(length is long n ? Megabytes(n) : "more than " + Megabytes(limit))}, over the {Megabytes(limit)} " +
            "this module reads for such an answer; it was refused rather than held in memory.");

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";

    /// <summary>A read-only view of a body that throws once more than the limit has been read.</summary>
    private sealed class CappedStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _limit;
        private readonly string _service;
        private readonly string _what;
        private long _read;

        public CappedStream(Stream inner, long limit, string service, string what)
        {
            _inner = inner;
            _limit = limit;
            _service = service;
            _what = what;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Count(int n)
        {
            _read += n;
            if (_read > _limit) throw TooLarge(_service, _what, _limit, null);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
