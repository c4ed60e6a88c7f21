using System.IO;

namespace ApiTools.Http;

/// <summary>Reads a response body, cancelling <c>stalled</c> when reading waits longer than the limit: a time limit on the
/// network, not on how long the caller takes between reads. By default each read has the limit (a download: the longest
/// silence); with <c>untilRestart</c> the reads share it until <see cref="Restart"/> (a streamed list restarts it at each
/// item, so a server that trickles a byte a second without ever finishing an item is cut off too).</summary>
internal sealed class StallWatchStream : Stream
{
    private readonly Stream _inner;
    private readonly CancellationTokenSource _stalled;
    private readonly TimeSpan _limit;
    private readonly bool _untilRestart;
    private readonly System.Diagnostics.Stopwatch _waited = new();

    public StallWatchStream(Stream inner, CancellationTokenSource stalled, TimeSpan limit, bool untilRestart = false)
    {
        _inner = inner;
        _stalled = stalled;
        _limit = limit;
        _untilRestart = untilRestart;
    }

    /// <summary>Gives the reads that follow the whole limit again.</summary>
    public void Restart() => _waited.Reset();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (!_untilRestart) _waited.Reset();
        var left = _limit - _waited.Elapsed;
        _stalled.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        _waited.Start();
        try
        {
            return await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waited.Stop();
            if (!_stalled.IsCancellationRequested) _stalled.CancelAfter(Timeout.Infinite);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
