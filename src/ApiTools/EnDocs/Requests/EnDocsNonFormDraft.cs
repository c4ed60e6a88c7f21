using System.IO;

namespace ApiTools.EnDocs.Requests;

/// <summary>
/// A non-formalised document made from files (at most 20 MB decoded in all). EnDocs keeps no name for such a document
/// but its file's: <see cref="Name"/> is the name the first file is uploaded under (its extension added when missing).
/// </summary>
public sealed class EnDocsNonFormDraft
{
    /// <summary>The first file's name as EnDocs will show it; empty: the file's own name.</summary>
    public string Name { get; set; } = "";

    public DateTime? DocDate { get; set; }
    public string? Comment { get; set; }

    /// <summary>Who sent it (an e-mail or a name); EnDocs tells the sender when it is processed or declined.</summary>
    public string? Sender { get; set; }

    /// <summary>EnDocs' own id of the organization it belongs to.</summary>
    public long? OrganizationId { get; set; }

    public int? DocTypeId { get; set; }

    /// <summary>EnDocs' own id of the contractor.</summary>
    public long? ContractorId { get; set; }

    public decimal? Amount { get; set; }
    public List<EnDocsFileContent> Files { get; } = new();

    /// <summary>Adds the files at <paramref name="paths"/> under their own names. Their sizes are checked against EnDocs'
    /// limit (<see cref="EnDocsClient.MaxNonFormBytes"/> in all) before any is read: over it, an
    /// <see cref="ApiErrorKind.PayloadTooLarge"/> error, and nothing is read or sent.</summary>
    public void AddFiles(IReadOnlyList<string> paths)
    {
        CheckSize(paths);
        foreach (var path in paths) Files.Add(new EnDocsFileContent(Path.GetFileName(path), File.ReadAllBytes(path)));
    }

    /// <summary>The bytes the document would hold with the files at <paramref name="paths"/> added, from their sizes on
    /// disk (nothing is read); over EnDocs' limit, the <see cref="ApiErrorKind.PayloadTooLarge"/> error.</summary>
    public long CheckSize(IReadOnlyList<string> paths) => EnDocsFileContent.CheckSize(DisplayName(paths), Files, paths);

    /// <summary>The name the first file is uploaded under: <see cref="Name"/> with the file's extension when it has none of
    /// its own, else the file's name.</summary>
    public string FirstFileName(string fileName)
    {
        var name = Name.Trim();
        if (name.Length == 0) return fileName;
        return Path.HasExtension(name) ? name : name + Path.GetExtension(fileName);
    }

    private string DisplayName(IReadOnlyList<string> paths) =>
        Name.Length > 0 ? Name : Files.Count > 0 ? Files[0].FileName : paths.Count > 0 ? Path.GetFileName(paths[0]) : "the document";
}
