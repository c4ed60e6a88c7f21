using System.IO;

namespace ApiTools.Http;

/// <summary>Reads a response body, cancelling <c>stalled</c> when one read waits longer than the limit:
/// a time limit on the network's silence, not on how long the caller takes between reads.</summary>
internal sealed class StallWatchStream : Stream
{
    private readonly Stream _inner;
    private readonly CancellationTokenSource _stalled;
    private readonly TimeSpan _limit;

    public StallWatchStream(Stream inner, CancellationTokenSource stalled, TimeSpan limit)
    {
        _inner = inner;
        _stalled = stalled;
        _limit = limit;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _stalled.CancelAfter(_limit);
        try
        {
            return await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
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
