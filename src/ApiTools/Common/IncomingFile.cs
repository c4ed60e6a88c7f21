using System.IO;

namespace ApiTools.Common;

/// <summary>
/// A file being downloaded into a folder (Save-EnDocsFile, Save-PlanFixFile, Save-EvotorProductImage): written under a
/// bare temporary name of its own first (opened as new, so no second writer shares it), then, once the whole body has
/// arrived, moved to its real name. An existing file of that name, or a link, is kept unless overwriting was asked for;
/// one that is replaced is removed first, so the new file is never written through a link that stood there. Disposed
/// before it was placed, it leaves nothing behind. A failure of the disk is a <see cref="LocalFileException"/>.
/// </summary>
public sealed class IncomingFile : IDisposable
{
    private readonly string _temp;
    private readonly Stream _stream;
    private bool _closed;
    private bool _placed;
    private long _bytes;

    /// <param name="folder">The folder (created if missing).</param>
    /// <param name="tag">Begins the temporary name (".endocs-"), telling whose download a left-over part was.</param>
    public IncomingFile(string folder, string tag = ".")
    {
        var root = Path.GetFullPath(folder);
        LocalFiles.Write(root, () => Directory.CreateDirectory(root));
        _temp = Path.Combine(root, $"{tag}{Guid.NewGuid():N}.part");
        FileStream? stream = null;
        LocalFiles.Write(_temp, () => stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920));
        _stream = LocalFiles.Guard(stream!, _temp);
    }

    /// <summary>Where the bytes go until the file is placed.</summary>
    public Stream Stream => _closed ? throw new ObjectDisposedException(nameof(IncomingFile)) : _stream;

    /// <summary>The bytes written so far.</summary>
    public long Bytes => _closed ? _bytes : _stream.Length;

    /// <summary>Ends the writing (placing does it too).</summary>
    public void Close()
    {
        if (_closed) return;
        _bytes = _stream.Length;
        _closed = true;
        _stream.Dispose();
    }

    /// <summary>Gives the file its name, <paramref name="path"/> (already made safe); false when a file or link of that name
    /// is there and <paramref name="overwrite"/> was not asked for: it is kept, and the download dropped.</summary>
    public bool Place(string path, bool overwrite)
    {
        Close();
        var taken = File.Exists(path) || LocalFiles.IsLink(path);
        if (taken && !overwrite) return false;
        LocalFiles.Write(path, () =>
        {
            if (taken) File.Delete(path); // a link is removed itself, never followed
            File.Move(_temp, path);
        });
        _placed = true;
        return true;
    }

    /// <summary>Removes the temporary file unless it was placed: a download that broke off or was kept leaves nothing.</summary>
    public void Dispose()
    {
        try
        {
            Close();
        }
        finally
        {
            if (!_placed && File.Exists(_temp)) File.Delete(_temp);
        }
    }
}
