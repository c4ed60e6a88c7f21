using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EnDocsHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EnDocsFilesTests
{
    [Fact]
    public async Task Hostile_names_and_a_2_MB_file_come_as_base64_with_file_name_first()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var nonForm = server.EnDocs.Documents(EnDocsDocumentKind.NonForm);

        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (response, body, json) = await GetAsync(client, $"endocs/File/GetFileByExtIntId/{nonForm[i].Id}/NonFormID");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(body.IndexOf("\"fileName\"", StringComparison.Ordinal) < body.IndexOf("\"fileBase64\"", StringComparison.Ordinal));
            var expected = server.EnDocs.FilesOf(nonForm[i].Id)!;
            var binaries = json.GetProperty("binaries").EnumerateArray().ToList();
            Assert.Equal(expected.Count, binaries.Count);
            for (var n = 0; n < binaries.Count; n++)
            {
                Assert.Equal(expected[n].FileName, binaries[n].GetProperty("fileName").GetString());
                Assert.Equal(expected[n].Content, Convert.FromBase64String(binaries[n].GetProperty("fileBase64").GetString()!));
                names.Add(expected[n].FileName);
            }
        }

        Assert.Contains("../../evil.txt", names);
        Assert.Contains("C:\\Windows\\x.pdf", names);
        Assert.Contains("/etc/passwd", names);
        Assert.Contains("con", names);
        Assert.Contains("..", names);
        Assert.Contains(names, n => n.IndexOfAny([':', '*', '?', '"', '<', '>', '|']) >= 0 && n != "C:\\Windows\\x.pdf");
        Assert.Equal(EnDocsSeed.BigFileSize, server.EnDocs.FilesOf(nonForm[2].Id)![0].Content.Length);
    }

    [Fact]
    public async Task Each_file_route_finds_documents_of_its_kind_and_answers_err_70_for_the_rest()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        bool HasFiles(SeedEnDocsDocument d) => server.EnDocs.FilesOf(d.Id)!.Count > 0;
        var contract = server.EnDocs.Documents(EnDocsDocumentKind.Contract).First(HasFiles);
        var invoice = server.EnDocs.Documents(EnDocsDocumentKind.Invoice).First(HasFiles);
        var imported = server.EnDocs.Documents(EnDocsDocumentKind.Input).First(d => d.HasExtId && HasFiles(d));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/File/GetContractFileById/{contract.Id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/api/File/GetMetaFileById/{invoice.Id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/File/GetFileByExtIntId/{invoice.Id}/MetaID")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/File/GetFileByExtIntId/{contract.Id}/ContractID")).Response.StatusCode);
        var (byExt, _, extJson) = await GetAsync(client, $"endocs/File/GetFileByExtId/{imported.ExtId}");
        Assert.Equal(HttpStatusCode.OK, byExt.StatusCode);
        Assert.Equal(server.EnDocs.FilesOf(imported.Id)!.Count, extJson.GetProperty("binaries").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/File/GetFileByExtIntId/{imported.ExtId}/ExtID")).Response.StatusCode);

        // Never 404: 400 with #err-70, in the wording of each route.
        foreach (var (path, text) in new[]
        {
            ($"endocs/File/GetContractFileById/{invoice.Id}", "Files not found ( #err-70)"),
            ("endocs/File/GetMetaFileById/999999999", "Files not found ( #err-70)"),
            ($"endocs/File/GetFileByExtIntId/{contract.Id}/NonFormID", "File not found ( #err-70)"),
            ("endocs/File/GetFileByExtId/no-such-ext-id", "File not found ( #err-70)"),
            ($"endocs/File/GetFileByExtIntId/{invoice.Id}/Bogus", "File not found ( #err-70)"),
            ($"endocs/File/GetFileByExtIntId/{invoice.Id}/metaid", "File not found ( #err-70)"), // settname is compared exactly
        })
        {
            var (response, body, _) = await GetAsync(client, path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, path);
            Assert.Equal(text, Error(response, body));
        }
        var (notInt, notIntBody, _) = await GetAsync(client, "endocs/File/GetFileByExtIntId/abc/MetaID");
        Assert.Equal(HttpStatusCode.BadRequest, notInt.StatusCode);
        Assert.Equal("Id is not int", notIntBody);
        var (problem, _, problemJson) = await GetAsync(client, "endocs/File/GetMetaFileById/abc");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problemJson.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GetFileByExtId_takes_a_number_as_a_non_form_id_first()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var nonForm = server.EnDocs.Documents(EnDocsDocumentKind.NonForm)[0];

        var (response, _, json) = await GetAsync(client, $"endocs/File/GetFileByExtId/{nonForm.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.EnDocs.FilesOf(nonForm.Id)![0].FileName, json.GetProperty("binaries")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task A_document_without_files_is_err_70_as_a_missing_one_is()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var bare = server.EnDocs.Documents(EnDocsDocumentKind.Invoice).First(d => server.EnDocs.FilesOf(d.Id)!.Count == 0);
        Assert.Contains(server.EnDocs.Documents(EnDocsDocumentKind.Invoice), d => server.EnDocs.FilesOf(d.Id)!.Count == 3);

        var (response, body, _) = await GetAsync(client, $"endocs/File/GetMetaFileById/{bare.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Files not found ( #err-70)", Error(response, body));
    }
}
