using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EnDocsHttp;

namespace ApiTools.Emulator.Tests;

/// <summary>AddOrUpdateExtDoc and AddOrUpdateLocalDoc as EnDocs' backend takes them (notes §5.9–5.10).</summary>
public sealed class EnDocsDocWritesTests
{
    private const string ExtDoc = "endocs/Metadata/AddOrUpdateExtDoc";
    private const string LocalDoc = "endocs/Metadata/AddOrUpdateLocalDoc";
    private const string TablePart = """[{"Name":"Бумага","UnitName":"шт","Quantity":"2","AmountToPay":"100.25","AmountWOVAT":"167.08","TaxRate":"20%","VAT":"33.42","Amount":"200.50"}]""";

    [Fact]
    public async Task An_external_document_is_created_with_its_parties_lines_and_files_then_updated_by_exact_keys_only()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        byte[] file = [1, 2, 3];

        var (created, _, json) = await PostAsync(client, ExtDoc, new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "1c-doc-1", DocTypeId = 14, Source = "Входящий", DocNumber = "СЧ-15", DocDate = "14.09.2023",
            Amount = 1200.50m, Organization = new { Ext_ID = "org-0001" }, Contractor = new { Ext_ID = "new-c", Name = "ООО Новый", INN = "7701000001" },
            TablePart, Binaries = new[] { new { FileName = "счет.pdf", FileBase64 = Convert.ToBase64String(file) } },
        });
        var (updated, _, _) = await PostAsync(client, ExtDoc,
            """{"RequestID":"x","Ext_ID":"1c-doc-1","DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"org-0001"},"Amount":1300,"comment":"ignored","DocNumber":"СЧ-15/2"}""");
        var (files, _, filesJson) = await GetAsync(client, "endocs/File/GetFileByExtIntId/1c-doc-1/ExtID");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/Metadata/AddOrUpdateExtDoc", created.Headers.Location?.OriginalString);
        Assert.Equal(14, json.GetProperty("docTypeId").GetInt32());
        Assert.Equal("Счет входящий", json.GetProperty("docType").GetString());
        Assert.Equal("2023-09-14T12:00:00Z", json.GetProperty("docDate").GetString());
        Assert.Equal(TablePart, json.GetProperty("tablePart").GetString());
        Assert.Equal("ООО Новый", json.GetProperty("contractor").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        var stored = server.EnDocs.FindDocumentByExtId("1c-doc-1")!;
        Assert.Equal(EnDocsDocumentKind.Invoice, stored.Kind);
        Assert.Equal(1300m, stored.Amount);
        Assert.Equal("СЧ-15/2", stored.DocNumber);
        Assert.Null(stored.Comment); // "comment" is not spelled as the backend's property: an update ignores it
        Assert.Equal(TablePart, stored.TablePart);
        Assert.Equal("7701000001", server.EnDocs.Contractors.Single(c => c.ExtId == "new-c").Inn);
        Assert.DoesNotContain(server.EnDocs.Listed(EnDocsDocumentKind.Invoice), d => d.Id == stored.Id); // it has an ext_ID
        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        Assert.Equal(file, filesJson.GetProperty("binaries")[0].GetProperty("fileBase64").GetBytesFromBase64());
    }

    [Theory]
    [InlineData("""{"Ext_ID":"d","DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 400, "Field RequestID is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","Source":"Входящий","Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 400, "Field DocType is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 400, "Field Source is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Source":"Внутренний","Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 400, "Field Source value incorrect")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Source":"Входящий","Binaries":[]}""", 400, "Field Organization is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"unknown-org"},"Binaries":[]}""", 400, "Field Name in Organization list is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"org-0001"},"Contract":{"Ext_ID":"k-new"},"Binaries":[]}""", 400, "Field Name in Contract list is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"org-0001"},"MetaID":999999999,"Binaries":[]}""", 400, "No Metadata document was found")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"org-0001"},"NonFormID":999999999,"Binaries":[]}""", 400, "No NonFormDoc with id 999999999")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"org-0001"}}""", 500, "Database Failure")]
    [InlineData("""{"RequestID":"r","Ext_ID":5,"DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 500, "")]
    [InlineData("""{"RequestID":"r","Ext_ID":"d","DocTypeId":14,"Source":"Входящий","Organization":{"Ext_ID":"org-0001"},"TablePart":[],"Binaries":[]}""", 500, "")]
    public async Task A_document_EnDocs_refuses_gets_the_backends_answer(string body, int status, string text)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (response, answer, _) = await PostAsync(client, ExtDoc, body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(text, answer);
        Assert.Equal(0, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateExtDoc));
        Assert.Equal(status, Assert.Single(server.EnDocs.Writes).Status); // logged, refused
    }

    [Fact]
    public async Task A_listed_invoice_named_by_MetaID_takes_an_ext_ID_and_leaves_the_list()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var invoice = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).First();

        var (response, _, _) = await PostAsync(client, ExtDoc, new
        {
            RequestID = Guid.NewGuid(), MetaID = invoice.Id, Ext_ID = "1c-imported", DocTypeId = 14, Source = "Входящий", Organization = new { Ext_ID = "org-0001" },
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1c-imported", server.EnDocs.FindDocument(invoice.Id)!.ExtId);
        Assert.DoesNotContain(server.EnDocs.Listed(EnDocsDocumentKind.Invoice), d => d.Id == invoice.Id);
    }

    [Fact]
    public async Task A_document_made_of_a_non_form_one_takes_its_file_and_the_non_form_one_goes()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var nonForm = server.EnDocs.Listed(EnDocsDocumentKind.NonForm).Skip(3).First();
        var nonFormFiles = server.EnDocs.FilesOf(nonForm.Id)!;

        var (response, _, json) = await PostAsync(client, ExtDoc, new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "from-scan", NonFormID = nonForm.Id, DocTypeId = 14, Source = "Входящий", Organization = new { Ext_ID = "org-0001" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = json.GetProperty("id").GetInt64();
        Assert.Equal(nonFormFiles.Select(f => f.FileName), server.EnDocs.FilesOf(id)!.Select(f => f.FileName));
        Assert.True(server.EnDocs.IsDeleted(nonForm.Id));
        Assert.DoesNotContain(server.EnDocs.Listed(EnDocsDocumentKind.NonForm), d => d.Id == nonForm.Id);
    }

    [Fact]
    public async Task A_local_document_is_internal_keyed_by_Ext_ID_and_needs_a_type_only_to_be_stored()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (created, _, json) = await PostAsync(client, LocalDoc, new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "memo-1", DocTypeId = 19, Source = "Входящий", DocNumber = "СЗ-1", Organization = new { Ext_ID = "org-0001" }, Binaries = Array.Empty<object>(),
        });
        var (updated, _, _) = await PostAsync(client, LocalDoc, new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "memo-1", Comment = "согласовать", Organization = new { Ext_ID = "org-0001" },
        });
        var (untyped, untypedBody, _) = await PostAsync(client, LocalDoc, new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "memo-2", Organization = new { Ext_ID = "org-0001" }, Binaries = Array.Empty<object>(),
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Внутренний", json.GetProperty("source").GetString()); // forced, whatever was sent
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        var stored = server.EnDocs.FindDocumentByExtId("memo-1")!;
        Assert.Equal(("СЗ-1", "согласовать", EnDocsDocumentKind.Other), (stored.DocNumber, stored.Comment, stored.Kind));
        Assert.Equal(HttpStatusCode.InternalServerError, untyped.StatusCode);
        Assert.Equal("Database Failure", untypedBody);
    }
}
