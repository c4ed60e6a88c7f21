using System.Net;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EnDocsHttp;

namespace ApiTools.Emulator.Tests;

/// <summary>The two document writes endocs.md names without a body (shapes inferred).</summary>
public sealed class EnDocsDocWritesTests
{
    [Fact]
    public async Task An_external_document_is_created_by_ext_id_then_updated_and_never_listed()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        const string path = "endocs/Metadata/AddOrUpdateExtDoc";

        var (created, _, json) = await PostAsync(client, path, new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "1c-doc-1", DocTypeId = 14, DocNumber = "СЧ-15", DocDate = "14.09.2023", Amount = 1200.50m,
        });
        var (updated, _, _) = await PostAsync(client, path, new { RequestID = Guid.NewGuid(), Ext_ID = "1c-doc-1", DocTypeId = 14, Amount = 1300m });
        var (missing, _, _) = await PostAsync(client, path, new { RequestID = Guid.NewGuid(), DocTypeId = 14 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(14, json.GetProperty("docTypeId").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var stored = server.EnDocs.FindDocumentByExtId("1c-doc-1");
        Assert.NotNull(stored);
        Assert.Equal(EnDocsDocumentKind.Invoice, stored!.Kind);
        Assert.Equal(1300m, stored.Amount);
        Assert.Equal("СЧ-15", stored.DocNumber);
        Assert.DoesNotContain(server.EnDocs.Listed(EnDocsDocumentKind.Invoice), d => d.Id == stored.Id);
    }

    [Fact]
    public async Task A_local_document_is_changed_by_its_id_and_an_unknown_id_is_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var invoice = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).First();
        const string path = "endocs/Metadata/AddOrUpdateLocalDoc";

        var (changed, _, _) = await PostAsync(client, path, new { RequestID = Guid.NewGuid(), ID = invoice.Id, Comment = "сверено" });
        var (unknown, _, _) = await PostAsync(client, path, new { RequestID = Guid.NewGuid(), ID = 987654321L, Comment = "x" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal("сверено", server.EnDocs.FindDocument(invoice.Id)!.Comment);
        Assert.Equal(invoice.DocNumber, server.EnDocs.FindDocument(invoice.Id)!.DocNumber);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
