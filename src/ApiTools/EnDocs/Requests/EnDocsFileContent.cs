using System.IO;

namespace ApiTools.EnDocs.Requests;

/// <summary>One file to upload, under the name EnDocs will keep it by.</summary>
public sealed class EnDocsFileContent
{
    public EnDocsFileContent(string fileName, byte[] content)
    {
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    public string FileName { get; }
    public byte[] Content { get; }

    /// <summary>Reads files from disk, after checking from their sizes that they fit EnDocs' limit with <paramref name="held"/>.</summary>
    public static List<EnDocsFileContent> Read(string what, IReadOnlyCollection<EnDocsFileContent> held, IReadOnlyList<string> paths)
    {
        CheckSize(what, held, paths);
        return paths.Select(p => new EnDocsFileContent(Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
    }

    /// <summary>The bytes of <paramref name="held"/> plus the files at <paramref name="paths"/> (from their sizes on disk:
    /// nothing is read); over EnDocs' 20 MB a document, an <see cref="ApiErrorKind.PayloadTooLarge"/> error naming
    /// <paramref name="what"/>, and nothing is sent.</summary>
    public static long CheckSize(string what, IEnumerable<EnDocsFileContent> held, IReadOnlyList<string> paths)
    {
        var total = held.Sum(f => (long)f.Content.Length) + paths.Sum(p => new FileInfo(p).Length);
        if (total > EnDocsClient.MaxNonFormBytes)
            throw new ApiException(EnDocsClient.ServiceName, ApiErrorKind.PayloadTooLarge,
                $"The files of '{what}' are {total:N0} bytes in all; EnDocs takes at most {EnDocsClient.MaxNonFormBytes:N0} (20 MB) a document. Nothing was sent.");
        return total;
    }
}
