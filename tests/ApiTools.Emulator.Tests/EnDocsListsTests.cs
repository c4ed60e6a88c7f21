using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EnDocsHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EnDocsListsTests
{
    // The item fields of each list in EnDocs' backend (notes §5.3–5.6), in its order.
    private static readonly Dictionary<EnDocsDocumentKind, string[]> BackendFields = new()
    {
        [EnDocsDocumentKind.Contract] = ["id", "docNumber", "docDate", "contractor", "organization", "modified", "modifiedBy", "created", "type", "name",
            "amount", "amountWOVAT", "vat", "currency", "comment", "subject", "validityPeriod", "state"],
        [EnDocsDocumentKind.Invoice] = ["id", "source", "docNumber", "docDate", "vat", "amountToPay", "amountWOVAT", "currency", "operation", "contract",
            "state", "contractor", "organization", "comment", "employee", "department"],
        [EnDocsDocumentKind.Input] = ["id", "source", "docNumber", "docDate", "vat", "amountToPay", "amountWOVAT", "amount", "docDateInvoice",
            "docDateTaxInvoice", "docNumTaxInvoice", "docNumInvoice", "currency", "operation", "contract", "state", "contractor", "organization",
            "comment", "tablePart"],
        [EnDocsDocumentKind.NonForm] = ["id", "fileName", "fileSize", "created", "modified", "sender", "organization", "fileBase64", "docNumber",
            "docDate", "amount", "amountWOVAT", "vat", "docTypeId", "currency"],
    };

    [Theory]
    [InlineData(EnDocsDocumentKind.Contract, 4)]
    [InlineData(EnDocsDocumentKind.Invoice, 14)]
    [InlineData(EnDocsDocumentKind.Input, 1)]
    [InlineData(EnDocsDocumentKind.NonForm, 16)]
    public async Task Lists_hold_every_document_without_ext_id_ascending_by_id(EnDocsDocumentKind kind, int docTypeId)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var items = await ListAsync(client, kind);
        var viaApi = await ListAsync(client, kind, api: true);

        var all = server.EnDocs.Documents(kind);
        var expected = all.Where(d => !d.HasExtId).Select(d => d.Id).ToList();
        Assert.Equal(expected, items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(items.Select(i => i.GetRawText()), viaApi.Select(i => i.GetRawText()));
        Assert.True(all.Count > items.Count, "the seed should hold documents with an ext_ID, left out of the list");
        Assert.Equal(expected.Order(), expected);
        Assert.All(items, i =>
        {
            // Every field the backend's list of this kind has.
            foreach (var field in BackendFields[kind]) Assert.True(i.TryGetProperty(field, out _), $"{kind} item without '{field}'");
            if (kind != EnDocsDocumentKind.Contract) Assert.Equal(docTypeId, i.GetProperty("docTypeId").GetInt32());
            if (i.TryGetProperty("ext_ID", out var ext)) Assert.True(ext.ValueKind == JsonValueKind.Null || ext.GetString() == "", ext.GetRawText());
            Assert.Matches(DatePattern, i.GetProperty("docDate").GetString()!);
            Assert.EndsWith("T12:00:00Z", i.GetProperty("docDate").GetString()!); // a date without a time: noon, as EnDocs keeps it
            Assert.Matches(DatePattern, i.GetProperty("created").GetString()!);
        });
        Assert.Equal(2, server.Requests.Count(EnDocsRouteKeys.ListOf(kind)));
    }

    [Fact]
    public async Task Documents_carry_kopecks_contractors_and_dates_within_the_last_120_days()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var invoices = await ListAsync(client, EnDocsDocumentKind.Invoice);
        var contracts = await ListAsync(client, EnDocsDocumentKind.Contract);

        Assert.Contains(invoices, i => i.GetProperty("amount").GetRawText().Contains('.') && !i.GetProperty("amount").GetRawText().EndsWith(".00"));
        Assert.All(invoices, i =>
        {
            var amount = i.GetProperty("amount").GetDecimal();
            Assert.Equal(amount, i.GetProperty("amountWOVAT").GetDecimal() + i.GetProperty("vat").GetDecimal());
            Assert.Equal("RUB", i.GetProperty("currency").GetString());
            var created = DateTimeOffset.Parse(i.GetProperty("created").GetString()!);
            Assert.InRange(created, server.EnDocs.StartedAt.AddDays(-121), server.EnDocs.StartedAt);
            Assert.Equal(JsonValueKind.String, i.GetProperty("tablePart").ValueKind);
            // The rows as EnDocs' own importers write them: PascalCase, every value a string.
            using var rows = JsonDocument.Parse(i.GetProperty("tablePart").GetString()!);
            Assert.All(rows.RootElement.EnumerateArray(), row =>
            {
                foreach (var field in new[] { "Name", "UnitName", "Quantity", "AmountToPay", "AmountWOVAT", "TaxRate", "VAT", "Amount" })
                    Assert.Equal(JsonValueKind.String, row.GetProperty(field).ValueKind);
            });
        });
        Assert.Contains(invoices, i => i.GetProperty("contractor").ValueKind == JsonValueKind.Object
            && i.GetProperty("contractor").GetProperty("name").GetString()!.Length > 0
            && i.GetProperty("contractor").TryGetProperty("diadocID", out _));
        Assert.All(contracts, c =>
        {
            Assert.StartsWith("Договор", c.GetProperty("name").GetString());
            Assert.Contains(c.GetProperty("type").GetString(), new[] { "С поставщиком", "С покупателем" });
            Assert.Matches(DatePattern, c.GetProperty("validityPeriod").GetString()!);
            Assert.False(string.IsNullOrEmpty(c.GetProperty("subject").GetString()));
        });
    }

    [Fact]
    public async Task Only_ids_above_doc_id_are_listed()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var all = await ListAsync(client, EnDocsDocumentKind.Input);
        var middle = all[all.Count / 2].GetProperty("id").GetInt64();

        var after = await ListAsync(client, EnDocsDocumentKind.Input, middle);
        var afterLast = await ListAsync(client, EnDocsDocumentKind.Input, all[^1].GetProperty("id").GetInt64());
        var afterGap = await ListAsync(client, EnDocsDocumentKind.Input, middle - 1);

        Assert.Equal(all.Skip(all.Count / 2 + 1).Select(i => i.GetRawText()), after.Select(i => i.GetRawText()));
        Assert.Empty(afterLast);
        Assert.Equal(middle, afterGap[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_doc_id_that_is_no_number_is_ASP_NETs_400_and_any_request_id_is_taken()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (bad, _, json) = await GetAsync(client, "endocs/Output/GetNewInvoices/abc/00000000-0000-0000-0000-000000000001");
        var (any, _, _) = await GetAsync(client, "endocs/Output/GetNewInvoices/0/not-a-guid"); // only logged by EnDocs

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(json.GetProperty("errors").TryGetProperty("DocId", out _));
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
    }

    [Fact]
    public async Task Sync_off_answers_key_0_and_null_value()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EnDocsSyncOff = true });
        using var client = Client(server);

        var (response, body, _) = await GetAsync(client, ListPath(EnDocsDocumentKind.Contract));
        server.Settings.EnDocsSyncOff = false;
        var on = await ListAsync(client, EnDocsDocumentKind.Contract);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"key":0,"value":null}""", body);
        Assert.NotEmpty(on);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_documents()
    {
        await using var a = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 7 });
        await using var b = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 7 });
        await using var c = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 8 });

        static string Shape(EmulatorServer s) => string.Join("|", s.EnDocs.Documents(EnDocsDocumentKind.Invoice)
            .Select(d => $"{d.Id}:{d.DocNumber}:{d.Amount}:{d.ExtId}:{d.ContractorId}"));

        Assert.Equal(Shape(a), Shape(b));
        Assert.NotEqual(Shape(a), Shape(c));
        Assert.Equal(a.EnDocs.Contractors.Select(x => x.Name), b.EnDocs.Contractors.Select(x => x.Name));
    }

    [Fact]
    public async Task A_truncate_body_fault_cuts_a_list_short()
    {
        await using var server = await EmulatorServer.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = EnDocsRouteKeys.NewInvoices, TruncateBody = true });
        using var client = Client(server);

        using var response = await client.GetAsync(ListPath(EnDocsDocumentKind.Invoice, api: true), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var text = await response.Content.ReadAsStringAsync();
            JsonDocument.Parse(text).Dispose();
        });
        var whole = await ListAsync(client, EnDocsDocumentKind.Invoice);
        Assert.NotEmpty(whole);
    }
}
