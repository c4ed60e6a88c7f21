using ApiTools.EnDocs;
using ApiTools.Emulator;
using ApiTools.Errors;
using static ApiTools.Tests.EnDocs.EnDocsTest;

namespace ApiTools.Tests.EnDocs;

public sealed class EnDocsFilesClientTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "endocs-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Hostile_names_land_inside_the_folder_with_the_right_bytes_and_no_temporary_file_is_left()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var folder = Path.Combine(_root, "a", "b", "files");
        var hostile = server.EnDocs.Documents(EnDocsDocumentKind.NonForm).Take(3).ToList();

        var saved = new List<ApiTools.EnDocs.Models.EnDocsSavedFile>();
        foreach (var document in hostile)
            saved.AddRange(await client.SaveFilesAsync(document.Id, EnDocsFileKind.NonFormID, folder, overwrite: false));

        var full = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        Assert.All(saved, f => Assert.StartsWith(full, f.Path));
        // Nothing outside: the parents hold only the folder, and nothing anywhere else under the test root.
        Assert.Equal(new[] { Path.Combine(_root, "a", "b") }, Directory.GetFileSystemEntries(Path.Combine(_root, "a")));
        Assert.Equal(new[] { folder }, Directory.GetFileSystemEntries(Path.Combine(_root, "a", "b")));
        Assert.Empty(Directory.GetFiles(folder, "*.part", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetDirectories(folder));

        var names = saved.Select(f => Path.GetFileName(f.Path)).ToList();
        Assert.Contains("evil.txt", names);
        Assert.Contains("x.pdf", names);
        Assert.Contains("passwd", names);
        Assert.Contains("_con", names);
        Assert.DoesNotContain(names, n => n is "." or ".." || n.IndexOfAny(new[] { ':', '*', '?', '"', '<', '>', '|', '/', '\\' }) >= 0);

        foreach (var document in hostile)
        {
            var files = server.EnDocs.FilesOf(document.Id)!;
            var mine = saved.Where(f => f.DocumentId == document.Id.ToString() && !f.Skipped).ToList();
            foreach (var file in mine)
            {
                var source = files.First(f => f.FileName == file.ServerFileName);
                Assert.Equal(source.Content, await File.ReadAllBytesAsync(file.Path));
                Assert.Equal(source.Content.Length, file.Bytes);
            }
        }
        Assert.Contains(saved, f => f.Bytes == EnDocsSeed.BigFileSize);
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_overwrite_and_an_unknown_id_is_NotFound()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var document = server.EnDocs.Documents(EnDocsDocumentKind.NonForm).Skip(3).First(d => server.EnDocs.FilesOf(d.Id) is { Count: > 0 });

        var first = await client.SaveFilesAsync(document.Id, EnDocsFileKind.NonFormID, _root, overwrite: false);
        Assert.NotEmpty(first);
        File.WriteAllText(first[0].Path, "mine");

        var again = await client.SaveFilesAsync(document.Id, EnDocsFileKind.NonFormID, _root, overwrite: false);
        Assert.All(again, f => Assert.True(f.Skipped));
        Assert.Equal("mine", File.ReadAllText(first[0].Path));

        var forced = await client.SaveFilesAsync(document.Id, EnDocsFileKind.NonFormID, _root, overwrite: true);
        Assert.All(forced, f => Assert.False(f.Skipped));
        Assert.NotEqual("mine", File.ReadAllText(first[0].Path));

        var missing = await Assert.ThrowsAsync<ApiException>(() => client.SaveFilesAsync(999_999_999, EnDocsFileKind.MetaID, _root, false));
        Assert.Equal(ApiErrorKind.NotFound, missing.Kind);
        Assert.Equal("err-70", missing.ErrorCode);
    }

    [Fact]
    public async Task A_files_body_cut_short_is_retried_and_leaves_no_partial_file()
    {
        await using var server = await StartAsync();
        var document = server.EnDocs.Documents(EnDocsDocumentKind.NonForm)[0];
        server.Faults.Enqueue(new FaultRule { Route = "GET /endocs/File/GetFileByExtIntId/{id}/{settname}", TruncateBody = true });

        var saved = await Client(server).SaveFilesAsync(document.Id, EnDocsFileKind.NonFormID, _root, overwrite: false);

        Assert.Equal(server.EnDocs.FilesOf(document.Id)!.Count, saved.Count);
        Assert.Empty(Directory.GetFiles(_root, "*.part"));
        Assert.Equal(2, server.Requests.Count("GET /endocs/File/GetFileByExtIntId/{id}/{settname}"));
    }

    [Fact]
    public async Task The_scanner_decodes_escaped_base64_in_any_member_order_and_skips_unknown_members()
    {
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        var base64 = Convert.ToBase64String(content).Replace("+", "\\u002B").Replace("/", "\\/");
        var json = "{ \"extra\": [1, {\"x\": \"y\\\"z\"}, null, true], \"binaries\" : [ { \"fileBase64\": \"" + base64 + "\", \"size\": 12.5e3, "
                   + "\"fileName\": \"\\u0444\\u0430\\u0439\\u043b.bin\" } ] }";
        using var body = new TrickleStream(System.Text.Encoding.UTF8.GetBytes(json), 7);
        var sink = new CollectingSink();

        await new ApiTools.EnDocs.Serialization.FilesBodyScanner(body, default).ReadAsync(sink);

        Assert.Equal("файл.bin", sink.Name);
        Assert.Equal(content, sink.Output.ToArray());
    }

    private sealed class CollectingSink : ApiTools.EnDocs.Serialization.FilesBodyScanner.IFileSink
    {
        private ApiTools.EnDocs.Serialization.Base64Sink? _sink;
        public MemoryStream Output { get; } = new();
        public string? Name { get; private set; }

        public ApiTools.EnDocs.Serialization.Base64Sink Begin(int index) => _sink = new ApiTools.EnDocs.Serialization.Base64Sink(Output);

        public void End(int index, string? fileName, bool hadContent)
        {
            _sink!.Finish();
            Name = fileName;
        }
    }
}

/// <summary>Hands out a body a few bytes per read, so every token boundary falls between reads somewhere.</summary>
internal sealed class TrickleStream(byte[] data, int step) : Stream
{
    private int _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(step, count), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => data.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
