using System.Globalization;
using System.IO;
using System.Text;
using ApiTools.Input;

namespace ApiTools.EnDocs;

/// <summary>
/// Incremental sync's memory (<c>Get-EnDocsDocument -StatePath</c>): a text file holding the highest document id a listing
/// delivered. It is read before a listing, whose next run starts after that id, and written only when a listing ran to its
/// end, so an error, Ctrl+C or -First never skips documents that were not delivered. The file is written whole under a
/// temporary name and then renamed over the old one, so a crash never leaves half an id.
/// </summary>
public sealed class EnDocsSyncState
{
    // An id is at most 19 digits; anything much longer is not a state file, and only its start is shown.
    private const int MaxStateBytes = 64;

    private EnDocsSyncState(string path, long lastId)
    {
        Path = path;
        LastId = lastId;
        Highest = lastId;
    }

    public string Path { get; }

    /// <summary>The highest id an earlier listing delivered in full; 0 when there is no file yet.</summary>
    public long LastId { get; }

    /// <summary>The highest id delivered so far (at least <see cref="LastId"/>).</summary>
    public long Highest { get; private set; }

    /// <summary>Reads the state; a file that does not hold a whole number throws <see cref="InvalidDataException"/>
    /// naming the file and showing only the start of what it holds.</summary>
    public static EnDocsSyncState Load(string path)
    {
        if (!File.Exists(path)) return new EnDocsSyncState(path, 0);
        var text = ReadStart(path, out var whole).Trim();
        if (text.Length == 0 && whole) return new EnDocsSyncState(path, 0);
        if (whole && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 0) return new EnDocsSyncState(path, id);
        throw new InvalidDataException(
            $"'{path}' should hold the highest id seen (a whole number), not '{InputFields.Shorten(text)}'; delete it to start from the first document.");
    }

    /// <summary>Counts a document as delivered.</summary>
    public void Delivered(long id)
    {
        if (id > Highest) Highest = id;
    }

    /// <summary>Writes the highest id delivered, when it passed the one read; true when the file was written.</summary>
    public bool Save()
    {
        if (Highest <= LastId) return false;
        var temp = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temp, Highest.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
            if (File.Exists(Path)) File.Replace(temp, Path, null);
            else File.Move(temp, Path);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return true;
    }

    private static string ReadStart(string path, out bool whole)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[MaxStateBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = file.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        whole = read <= MaxStateBytes;
        return Encoding.UTF8.GetString(buffer, 0, Math.Min(read, MaxStateBytes));
    }
}
