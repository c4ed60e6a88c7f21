using System.Text;
using System.Text.Json;
using ApiTools.EnDocs;
using ApiTools.Errors;
using ApiTools.Evotor.Bulk;
using ApiTools.Http;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// Issue 19, cases 10 and 12 to 15: the files the module writes. Server names that fit in characters but not in bytes,
/// a file the disk refuses (one document's file, not the pipeline), checkpoints cut by a crash, shared by two imports or
/// replaced by a symbolic link, and state files of garbage, held by another sync, or links.
/// </summary>
public sealed class LocalFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("apitools-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_Cyrillic_name_over_255_bytes_is_saved_under_a_name_that_fits_and_keeps_its_extension()
    {
        var longName = new string('Д', 190) + ".pdf"; // 194 characters, 384 bytes in UTF-8
        await using var server = FilesServer((longName, "first"), ("ok.txt", "second"));
        var client = Client(server);

        var files = await client.SaveFilesAsync(7, EnDocsFileKind.NonFormID, _folder, false);

        HostileCase.Report("EnDocs", "a file name over 255 bytes", "194 Cyrillic characters", 2, files.Count(f => f.Failure is null && !f.Skipped),
            server.Requests - 1, string.Join(", ", files.Select(f => $"{Encoding.UTF8.GetByteCount(Path.GetFileName(f.Path))} bytes")));
        Assert.All(files, f => Assert.Null(f.Failure));
        var saved = Path.GetFileName(files[0].Path);
        Assert.True(Encoding.UTF8.GetByteCount(saved) <= 255, saved);
        Assert.EndsWith(".pdf", saved);
        Assert.StartsWith("ДДД", saved);
        Assert.Equal("first", File.ReadAllText(files[0].Path));
        Assert.Equal("second", File.ReadAllText(files[1].Path));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_file_the_disk_refuses_fails_alone_and_is_not_asked_for_again()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "taken.txt")); // a folder where the file should go
        await using var server = FilesServer(("taken.txt", "first"), ("ok.txt", "second"));
        var client = Client(server);

        var files = await client.SaveFilesAsync(7, EnDocsFileKind.NonFormID, _folder, overwrite: true);

        HostileCase.Report("EnDocs", "a file the disk refuses", "a folder stands where the file goes", 2, files.Count(f => f.Failure is null),
            server.Requests - 1, files[0].Failure?.Message ?? "no failure");
        Assert.Equal(LocalFileProblem.Unwritable, files[0].Failure?.Problem);
        Assert.Null(files[1].Failure);
        Assert.Equal("second", File.ReadAllText(files[1].Path));
        Assert.Equal(1, server.Requests); // the disk, not the answer: nothing to retry
        Assert.Empty(Directory.GetFiles(_folder, "*.part"));
    }

    [Fact]
    public void A_checkpoint_whose_last_line_a_crash_cut_is_repaired_and_takes_new_lines_on_the_next_run_and_the_one_after()
    {
        var path = Path.Combine(_folder, "import.checkpoint");
        var options = new BulkImportOptions("store-1") { CheckpointPath = path };
        var whole = JsonSerializer.Serialize(new BulkCheckpoint.Entry { Store = "store-1", Kind = options.KindName, Chunk = "a", Task = "t-a", State = "finished", Status = "COMPLETED" });
        File.WriteAllText(path, whole + "\n" + whole[..25]); // the crash: half a line, no line break

        using (var repaired = new BulkCheckpoint(path, options))
        {
            Assert.Equal(2, repaired.CutLine);
            Assert.Equal("t-a", repaired.Find("a")?.Task);
            repaired.Accepted("b", "t-b", 1001, 2000);
        }
        using (var next = new BulkCheckpoint(path, options))
        {
            Assert.Null(next.CutLine);
            Assert.Equal("t-b", next.Find("b")?.Task);
        }

        var lines = File.ReadAllLines(path);
        HostileCase.Report("Evotor", "a checkpoint cut by a crash", "the last line half written", 2, lines.Length, 0, "repaired: " + string.Join(" | ", lines.Select(l => l.Length + " chars")));
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => JsonSerializer.Deserialize<BulkCheckpoint.Entry>(l));
    }

    [Fact]
    public void A_second_import_on_a_checkpoint_in_use_is_refused_before_it_sends_anything()
    {
        var path = Path.Combine(_folder, "shared.checkpoint");
        var options = new BulkImportOptions("store-1") { CheckpointPath = path };
        using var first = new BulkCheckpoint(path, options);

        var second = Assert.Throws<LocalFileException>(() => new BulkCheckpoint(path, options));

        HostileCase.Report("Evotor", "a checkpoint two imports share", "the second opened while the first runs", 1, 1, 0, second.Message);
        Assert.Equal(LocalFileProblem.InUse, second.Problem);
        Assert.Contains("in use", second.Message);
        first.Accepted("a", "t-a", 1, 1000); // the first goes on
    }

    [Fact]
    public void A_checkpoint_that_is_a_symbolic_link_is_refused_and_what_it_points_to_is_untouched()
    {
        var target = Path.Combine(_folder, "elsewhere.txt");
        File.WriteAllText(target, "not a checkpoint");
        var path = Path.Combine(_folder, "link.checkpoint");
        File.CreateSymbolicLink(path, target);

        var error = Assert.Throws<LocalFileException>(() => new BulkCheckpoint(path, new BulkImportOptions("store-1") { CheckpointPath = path }));

        HostileCase.Report("Evotor", "a checkpoint that is a symbolic link", "pointing at another file", 0, 0, 0, error.Message);
        Assert.Equal(LocalFileProblem.IsLink, error.Problem);
        Assert.Equal("not a checkpoint", File.ReadAllText(target));
    }

    [Fact]
    public void A_dangling_link_is_refused_too_and_nothing_is_created_where_it_points()
    {
        var target = Path.Combine(_folder, "missing", "nothing.txt");
        var path = Path.Combine(_folder, "dangling.checkpoint");
        File.CreateSymbolicLink(path, target);

        var error = Assert.Throws<LocalFileException>(() => new BulkCheckpoint(path, new BulkImportOptions("store-1") { CheckpointPath = path }));

        Assert.Equal(LocalFileProblem.IsLink, error.Problem);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_state_file_of_garbage_is_refused_without_printing_it(bool binary)
    {
        var path = Path.Combine(_folder, "garbage.state");
        var garbage = new byte[3 * 1024 * 1024];
        new Random(19).NextBytes(garbage);
        if (!binary) for (var i = 0; i < garbage.Length; i++) garbage[i] = (byte)('a' + garbage[i] % 26);
        File.WriteAllBytes(path, garbage);

        var error = Assert.Throws<InvalidDataException>(() => EnDocsSyncState.Load(path));

        HostileCase.Report("EnDocs", "a state file of garbage", binary ? "3 MB of random bytes" : "3 MB of letters", 1, 0, 0, error.Message);
        Assert.True(error.Message.Length < 300, error.Message);
        Assert.Contains("3,145,728 bytes", error.Message);
        if (binary) Assert.Contains("not text", error.Message);
        // The file is let go: it can be deleted and loaded again.
        File.Delete(path);
        using var fresh = EnDocsSyncState.Load(path);
        Assert.Equal(0, fresh.LastId);
    }

    [Fact]
    public void A_state_file_another_sync_holds_is_refused_and_is_written_whole_by_the_one_that_holds_it()
    {
        var path = Path.Combine(_folder, "sync.state");
        File.WriteAllText(path, "100\n");
        using (var first = EnDocsSyncState.Load(path))
        {
            var second = Assert.Throws<LocalFileException>(() => EnDocsSyncState.Load(path));
            HostileCase.Report("EnDocs", "a state file two syncs share", "the second loaded while the first runs", 1, 1, 0, second.Message);
            Assert.Equal(LocalFileProblem.InUse, second.Problem);
            first.Delivered(250);
            Assert.True(first.Save());
        }
        Assert.Equal("250" + Environment.NewLine, File.ReadAllText(path));
        Assert.Equal(["sync.state"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        using var again = EnDocsSyncState.Load(path);
        Assert.Equal(250, again.LastId);
    }

    [Fact]
    public void A_state_file_that_is_a_symbolic_link_is_refused()
    {
        var target = Path.Combine(_folder, "real.state");
        File.WriteAllText(target, "5\n");
        var path = Path.Combine(_folder, "link.state");
        File.CreateSymbolicLink(path, target);

        var error = Assert.Throws<LocalFileException>(() => EnDocsSyncState.Load(path));

        Assert.Equal(LocalFileProblem.IsLink, error.Problem);
        Assert.Equal("5\n", File.ReadAllText(target));
    }

    [Fact]
    public void A_state_file_made_only_to_be_held_is_removed_when_no_listing_completed()
    {
        var path = Path.Combine(_folder, "new.state");
        using (var state = EnDocsSyncState.Load(path)) Assert.Equal(0, state.LastId);
        Assert.False(File.Exists(path));
    }

    private static EnDocsClient Client(HostileServer server) =>
        new(EnDocsConnection.Create(Secret.FromString("endocs-token-123"), server.BaseUri("endocs"), "test", HostileCase.Retry));

    /// <summary>An EnDocs files answer holding <paramref name="files"/> (name, text content).</summary>
    private static HostileServer FilesServer(params (string Name, string Content)[] files)
    {
        var body = JsonSerializer.Serialize(new
        {
            binaries = files.Select(f => new { fileName = f.Name, fileBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(f.Content)) }),
        });
        return new HostileServer((_, stream, ct) => HostileServer.AnswerAsync(stream, 200, "application/json", body, ct));
    }
}
