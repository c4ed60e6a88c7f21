namespace ApiTools.EnDocs.Models;

/// <summary>One file of a document, saved (or kept, when it existed and overwriting was not asked for).</summary>
public sealed class EnDocsSavedFile
{
    /// <summary>The id the files were asked for by (a number, or an ext id).</summary>
    public string DocumentId { get; set; } = "";

    /// <summary>The name the server sent, unsanitised (shown, never used as a path).</summary>
    public string? ServerFileName { get; set; }

    /// <summary>Full path inside the folder: the sanitised name.</summary>
    public string Path { get; set; } = "";

    /// <summary>Decoded size; for a skipped file, the size it would have had.</summary>
    public long Bytes { get; set; }

    /// <summary>True when a file of that name existed and was left as it was.</summary>
    public bool Skipped { get; set; }

    /// <summary>Set when this file could not be written (a name the file system refused, a full disk); the document's
    /// other files are saved all the same.</summary>
    public LocalFileException? Failure { get; set; }

    public override string ToString() => Path;
}
