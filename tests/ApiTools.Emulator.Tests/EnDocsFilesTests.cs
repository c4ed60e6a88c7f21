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
    public async Task Each_file_route_finds_documents_of_its_kind_and_404s_the_rest()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var contract = server.EnDocs.Documents(EnDocsDocumentKind.Contract)[0];
        var invoice = server.EnDocs.Documents(EnDocsDocumentKind.Invoice)[0];
        var imported = server.EnDocs.Documents(EnDocsDocumentKind.Input).First(d => d.HasExtId);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/File/GetContractFileById/{contract.Id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/api/File/GetMetaFileById/{invoice.Id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/File/GetFileByExtIntId/{invoice.Id}/MetaID")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/File/GetFileByExtIntId/{contract.Id}/ContractID")).Response.StatusCode);
        var (byExt, _, extJson) = await GetAsync(client, $"endocs/File/GetFileByExtId/{imported.ExtId}");
        Assert.Equal(HttpStatusCode.OK, byExt.StatusCode);
        Assert.Equal(server.EnDocs.FilesOf(imported.Id)!.Count, extJson.GetProperty("binaries").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"endocs/File/GetFileByExtIntId/{imported.ExtId}/ExtID")).Response.StatusCode);

        foreach (var path in new[]
        {
            $"endocs/File/GetContractFileById/{invoice.Id}",
            $"endocs/File/GetFileByExtIntId/{contract.Id}/NonFormID",
            "endocs/File/GetMetaFileById/999999999",
            "endocs/File/GetMetaFileById/abc",
            "endocs/File/GetFileByExtId/no-such-ext-id",
        })
        {
            var (response, _, json) = await GetAsync(client, path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
            Assert.Equal("File not found ( #err-70)", Error(json));
        }
        var (bad, _, badJson) = await GetAsync(client, $"endocs/File/GetFileByExtIntId/{invoice.Id}/Bogus");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("Unknown settname", Error(badJson));
    }

    [Fact]
    public async Task A_document_without_files_answers_an_empty_list()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var bare = server.EnDocs.Documents(EnDocsDocumentKind.Invoice).First(d => server.EnDocs.FilesOf(d.Id)!.Count == 0);
        Assert.Contains(server.EnDocs.Documents(EnDocsDocumentKind.Invoice), d => server.EnDocs.FilesOf(d.Id)!.Count == 3);

        var (response, body, _) = await GetAsync(client, $"endocs/File/GetMetaFileById/{bare.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"binaries":[]}""", body);
    }
}
