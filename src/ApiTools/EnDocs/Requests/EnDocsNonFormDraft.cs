using System.IO;

namespace ApiTools.EnDocs.Requests;

/// <summary>A non-formalised document made from files (at most 20 MB decoded in all).</summary>
public sealed class EnDocsNonFormDraft
{
    public string Name { get; set; } = "";
    public string? ExtId { get; set; }
    public DateTime? DocDate { get; set; }
    public string? Comment { get; set; }
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
    public long CheckSize(IReadOnlyList<string> paths)
    {
        var total = Files.Sum(f => (long)f.Content.Length) + paths.Sum(p => new FileInfo(p).Length);
        if (total > EnDocsClient.MaxNonFormBytes)
            throw new ApiException(EnDocsClient.ServiceName, ApiErrorKind.PayloadTooLarge,
                $"The files of '{Name}' are {total:N0} bytes in all; EnDocs takes at most {EnDocsClient.MaxNonFormBytes:N0} (20 MB). Nothing was sent.");
        return total;
    }
}
