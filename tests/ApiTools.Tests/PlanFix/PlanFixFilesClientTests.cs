using System.Text;
using ApiTools.Emulator;
using ApiTools.Errors;
using static ApiTools.Tests.PlanFix.PlanFixTest;

namespace ApiTools.Tests.PlanFix;

/// <summary>Files through the client, against the emulator: a task's files, downloads answered as bytes or redirected
/// (on PlanFix's host, or to another one that refuses credentials), uploads, and the names files are saved under.</summary>
public sealed class PlanFixFilesClientTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "planfix-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Each_way_a_download_is_answered_saves_the_same_bytes_and_credentials_never_reach_another_host()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        // Ids 0, 1, 2 mod 3: the bytes, a redirect on this host, a redirect to another host name whose link refuses credentials.
        var files = server.PlanFix.Files.Take(3).ToList();
        Assert.Equal(new long[] { 0, 1, 2 }, files.Select(f => f.Id % 3).OrderBy(x => x));

        foreach (var file in files)
        {
            var saved = await client.DownloadFileAsync(file.Id, null, _folder, null, overwrite: false);
            Assert.False(saved.Skipped);
            Assert.Equal(file.Name, Path.GetFileName(saved.Path)); // from Content-Disposition's filename*
            Assert.Equal(file.Content, await File.ReadAllBytesAsync(saved.Path));
        }
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.FileLink)); // the other host's link took no Authorization (it answers 400 if it does)
        Assert.Empty(Directory.GetFiles(_folder, ".planfix-*")); // no temporary file left
    }

    [Fact]
    public async Task A_file_that_is_there_is_kept_unless_overwriting_and_a_missing_one_is_not_found()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var file = server.PlanFix.Files.First(f => f.Id % 3 == 0);
        Directory.CreateDirectory(_folder);
        var there = Path.Combine(_folder, file.Name);
        await File.WriteAllTextAsync(there, "моё");

        var kept = await client.DownloadFileAsync(file.Id, null, _folder, null, overwrite: false);
        Assert.True(kept.Skipped);
        Assert.Equal("моё", await File.ReadAllTextAsync(there));
        var replaced = await client.DownloadFileAsync(file.Id, null, _folder, null, overwrite: true);
        Assert.False(replaced.Skipped);
        Assert.Equal(file.Content, await File.ReadAllBytesAsync(there));

        var missing = await Assert.ThrowsAnyAsync<ApiException>(() => client.DownloadFileAsync(123, null, _folder, null, false));
        Assert.Equal((ApiErrorKind.NotFound, "9002"), (missing.Kind, missing.ErrorCode));
    }

    [Fact]
    public async Task A_name_is_made_safe_as_Save_EnDocsFile_makes_it()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var file = server.PlanFix.Files.First(f => f.Id % 3 == 0);

        var escape = await client.DownloadFileAsync(file.Id, null, _folder, "../../etc/passwd", false);
        var device = await client.DownloadFileAsync(file.Id, null, _folder, "con.txt", false);

        Assert.Equal(Path.Combine(Path.GetFullPath(_folder), "passwd"), escape.Path);
        Assert.Equal("_con.txt", Path.GetFileName(device.Path));
        Assert.Equal(ApiTools.EnDocs.EnDocsClient.SafeName("con.txt", "x"), Path.GetFileName(device.Path));
    }

    [Fact]
    public async Task Uploads_attach_a_file_a_taken_name_is_9006_with_the_file_and_a_new_version_is_asked_for()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var task = server.PlanFix.Tasks[5];
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "отчёт.txt");
        // Larger than a chunk of the streamed base64, with bytes of every value.
        var content = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(path, content);

        var uploaded = Assert.Single(await client.UploadFileAsync(task.Id, path, description: "Отчёт"));
        var taken = await Assert.ThrowsAsync<ApiValidationException>(() => client.UploadFileAsync(task.Id, path));
        var second = Assert.Single(await client.UploadFileAsync(task.Id, path, newVersion: true));
        var listed = await client.GetTaskFilesAsync(task.Id).ToListAsync();
        var saved = await client.DownloadFileAsync(null, uploaded.UniqueId, Path.Combine(_folder, "out"), null, false);

        Assert.Equal("отчёт.txt", uploaded.Name);
        Assert.Equal("9006", taken.ErrorCode);
        Assert.Contains("id ", taken.Message);
        var stored = server.PlanFix.Files.Where(f => f.TaskId == task.Id && f.Name == "отчёт.txt").ToList();
        Assert.Equal(new[] { 1, 2 }, stored.Select(f => f.Version));
        Assert.Equal(content, stored[0].Content);
        Assert.Equal(2, Assert.Single(listed, f => f.Name == "отчёт.txt").Version);
        Assert.NotEqual(uploaded.UniqueId, second.UniqueId);
        Assert.Equal(content, await File.ReadAllBytesAsync(saved.Path));
        Assert.Equal(3, server.Requests.Count(PlanFixRouteKeys.FileUpload));
    }
}
