namespace ApiTools.EnDocs.Requests;

public sealed class EnDocsFileContent
{
    public EnDocsFileContent(string fileName, byte[] content)
    {
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    public string FileName { get; }
    public byte[] Content { get; }
}
