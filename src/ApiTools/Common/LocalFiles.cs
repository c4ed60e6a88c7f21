using System.IO;
using System.Runtime.InteropServices;

namespace ApiTools.Common;

/// <summary>
/// How the module treats files on this machine that it writes (downloads, checkpoints, state files): never through a
/// symbolic link, locked against a second writer while in use, and failures of the disk told apart from failures of the
/// network (<see cref="LocalFileException"/>, never retried as a broken answer).
/// </summary>
public static class LocalFiles
{
    private const int SharingViolation = 32; // Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
    private const int LockViolation = 33;
    private const int WouldBlockLinux = 11;  // Unix: flock(LOCK_NB) refused, as the errno .NET reports
    private const int WouldBlockMac = 35;

    /// <summary>True where <paramref name="path"/> is a symbolic link (or another reparse point), even one whose target is missing.</summary>
    public static bool IsLink(string path)
    {
        try
        {
            var attributes = new FileInfo(path).Attributes; // -1 (every bit) when nothing is there
            return (int)attributes != -1 && (attributes & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Throws <see cref="LocalFileException"/> (<see cref="LocalFileProblem.IsLink"/>) when <paramref name="path"/> is a link.</summary>
    /// <param name="what">What the file is, for the message ("The checkpoint").</param>
    public static void RefuseLink(string path, string what)
    {
        if (IsLink(path))
            throw new LocalFileException(path, LocalFileProblem.IsLink,
                $"{what} '{path}' is a symbolic link; the module never writes through a link (it would change the file it points to). Give the real path.");
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading and writing and holds it for this process alone until the stream is
    /// disposed: another import or sync that opens it meanwhile gets <see cref="LocalFileProblem.InUse"/>. A link is refused,
    /// also one that appears between the check and the open.
    /// </summary>
    public static FileStream OpenExclusive(string path, string what)
    {
        RefuseLink(path, what);
        FileStream stream;
        try
        {
            // Unix locks advisorily (flock) only for FileShare.None; Windows needs Delete shared so the file can be
            // replaced by rename while held (state files are written whole under another name, then renamed over).
            var share = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? FileShare.Delete : FileShare.None;
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            throw new LocalFileException(path, LocalFileProblem.InUse,
                $"{what} '{path}' is in use by another run (in this PowerShell or another process); wait for it to end, or give another path.", e);
        }
        if (IsLink(path))
        {
            stream.Dispose();
            RefuseLink(path, what);
        }
        return stream;
    }

    private static bool IsHeldElsewhere(IOException e) =>
        e is not FileNotFoundException and not DirectoryNotFoundException
        && (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? (e.HResult & 0xFFFF) is SharingViolation or LockViolation
            : e.HResult is WouldBlockLinux or WouldBlockMac);

    /// <summary>Runs a file operation, turning a failure of the disk into <see cref="LocalFileException"/>.</summary>
    public static void Write(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not LocalFileException)
        {
            throw Unwritable(path, e);
        }
    }

    /// <summary>A stream that reports a failure to write it as <see cref="LocalFileException"/>.</summary>
    public static Stream Guard(Stream stream, string path) => new GuardedStream(stream, path);

    /// <summary>The error for a file that could not be written or opened for writing, with the system's reason.</summary>
    public static LocalFileException Unwritable(string path, Exception cause) =>
        new(path, LocalFileProblem.Unwritable, $"'{path}' could not be written: {cause.Message}", cause);

    private sealed class GuardedStream : Stream
    {
        private readonly Stream _inner;
        private readonly string _path;

        public GuardedStream(Stream inner, string path)
        {
            _inner = inner;
            _path = path;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => LocalFiles.Write(_path, () => _inner.Write(buffer, offset, count));

        public override void Flush() => LocalFiles.Write(_path, _inner.Flush);

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            try
            {
                await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not LocalFileException)
            {
                throw Unwritable(_path, e);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) LocalFiles.Write(_path, _inner.Dispose);
            base.Dispose(disposing);
        }
    }
}
