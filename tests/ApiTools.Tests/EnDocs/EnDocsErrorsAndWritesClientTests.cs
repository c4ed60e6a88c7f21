using System.Net;
using System.Net.Http;
using ApiTools.EnDocs;
using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.Emulator;
using ApiTools.Http;
using ApiTools.Input;
using ApiTools.Errors;
using ApiTools.EnDocs.Requests;
using static ApiTools.Tests.EnDocs.EnDocsTest;

namespace ApiTools.Tests.EnDocs;

public class EnDocsErrorsAndWritesClientTests
{
    [Theory]
    [InlineData(400, "No Authorization header ( #err-80)", ApiErrorKind.Unauthorized, "err-80")]
    [InlineData(400, "\"No token received ( #err-30)\"", ApiErrorKind.Unauthorized, "err-30")]
    [InlineData(401, "{\"error\":\"No token ( #err-30)\"}", ApiErrorKind.Unauthorized, "err-30")]
    [InlineData(401, "{\"message\":\"Could not find any client for this token ( #err-40)\"}", ApiErrorKind.Unauthorized, "err-40")]
    [InlineData(400, "{\"error\":\"Max file size exceeded ( #err-20)\"}", ApiErrorKind.PayloadTooLarge, "err-20")]
    [InlineData(403, "\"Client is blocked ( #err-50)\"", ApiErrorKind.Forbidden, "err-50")]
    [InlineData(400, "Storage quota exceeded ( #err-60)", ApiErrorKind.QuotaExhausted, "err-60")]
    [InlineData(404, "{\"error\":\"File not found ( #err-70)\"}", ApiErrorKind.NotFound, "err-70")]
    [InlineData(400, "\"Files not found ( #err-70)\"", ApiErrorKind.NotFound, "err-70")]
    [InlineData(400, "No NonFormDoc with id 15 was found", ApiErrorKind.NotFound, null)]
    [InlineData(400, "\"No Metadata document was found\"", ApiErrorKind.NotFound, null)]
    [InlineData(400, "\"Field RequestID is required\"", ApiErrorKind.ValidationFailed, null)]
    [InlineData(500, "{\"error\":\"Please update 1C configuration ( #err-10)\"}", ApiErrorKind.ServerError, "err-10")]
    [InlineData(400, "{\"error\":\"Ext_ID is required\"}", ApiErrorKind.ValidationFailed, null)]
    [InlineData(404, "", ApiErrorKind.NotFound, null)]
    [InlineData(413, "{\"error\":\"too big\"}", ApiErrorKind.PayloadTooLarge, null)]
    [InlineData(429, "{\"error\":\"Too many requests\"}", ApiErrorKind.RateLimited, null)]
    [InlineData(502, "<html>bad gateway</html>", ApiErrorKind.ServerError, null)]
    public void Every_error_shape_maps_to_its_kind(int status, string body, ApiErrorKind kind, string? code)
    {
        var error = EnDocsErrorMapper.Instance.Map(new ApiRequest(HttpMethod.Get, "Output/GetClientInfo"), new HttpResponseMessage((HttpStatusCode)status), body);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        if (kind == ApiErrorKind.ValidationFailed)
            Assert.Contains(" is required", Assert.Single(((ApiValidationException)error).Violations).Reason);
    }

    [Fact]
    public async Task An_unknown_token_is_Unauthorized_err_40_and_the_token_is_in_no_message()
    {
        const string bad = "endocs-bad-token-5c1e9a";
        await using var server = await StartAsync();
        var connection = EnDocsConnection.Create(Secret.FromString(bad), server.EnDocsBaseUri, "test", FastRetry);
        var error = await Assert.ThrowsAsync<ApiException>(() => new EnDocsClient(connection).GetClientInfoAsync());

        Assert.Equal(ApiErrorKind.Unauthorized, error.Kind);
        Assert.Equal("err-40", error.ErrorCode);
        Assert.DoesNotContain(bad, error.ToString());
        Assert.DoesNotContain(bad, connection.ToString());
    }

    [Fact]
    public async Task Reference_data_is_created_then_updated_by_ExtId()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var draft = EnDocsInput.ReadContractor(new InputFields(new Dictionary<string, object?>
        {
            ["Ext_ID"] = "C-777", ["Name"] = "ООО Тест", ["INN"] = "7701234567", ["Kpp"] = "770101001",
        }), "item 1");

        var created = await client.AddOrUpdateContractorAsync(draft);
        draft.Name = "ООО Тест 2";
        var updated = await client.AddOrUpdateContractorAsync(draft);

        Assert.True(created.Created);
        Assert.NotNull(created.Id);
        Assert.False(updated.Created);
        Assert.NotEqual(created.RequestId, updated.RequestId);
        Assert.Equal("ООО Тест 2", server.EnDocs.Contractors.Single(c => c.ExtId == "C-777").Name);

        Assert.True((await client.AddOrUpdateDepartmentAsync(new EnDocsDepartment { ExtId = "D-1", Name = "Бухгалтерия", Manager = "user1@romashka.ru" })).Created);
        Assert.True((await client.AddOrUpdateEmployeeAsync(new EnDocsEmployee
        {
            ExtId = "E-1", LastName = "Иванова", FirstName = "Анна", MiddleName = "Петровна", DepartmentExtId = "D-1", BirthDate = new DateTime(1990, 4, 5),
        })).Created);
        Assert.True((await client.AddOrUpdateContractAsync(new EnDocsContractDraft
        {
            ExtId = "K-1", Name = "Договор", DocDate = new DateTime(2024, 3, 1), ValidityPeriod = new DateTime(2025, 3, 1), Amount = 1000.5m,
            ContractorExtId = "C-777", OrganizationExtId = "org-0001",
        })).Created);
        var employee = server.EnDocs.Employees.Single(e => e.ExtId == "E-1");
        Assert.Equal(("Анна", "D-1", new DateTimeOffset(1990, 4, 5, 12, 0, 0, TimeSpan.Zero)), (employee.FirstName, employee.DepartmentExtId, employee.BirthDate));
        Assert.Equal("user1@romashka.ru", server.EnDocs.Departments.Single(d => d.ExtId == "D-1").Manager);
    }

    [Fact]
    public async Task A_keyed_write_whose_answer_was_lost_is_sent_again_and_updates_what_the_first_made()
    {
        // EnDocs only logs the RequestID; what makes the repeat harmless is the Ext_ID it is keyed by.
        await using var server = await StartAsync();
        await using var relay = new AnswerDroppingRelay(server.EnDocsBaseUri, drops: 1);
        var client = Client(server, baseUri: relay.Uri);

        var result = await client.AddOrUpdateContractorAsync(new EnDocsContractor { ExtId = "C-retry", Name = "ООО Повтор" });

        Assert.Equal(2, server.Requests.Count(ContractorRoute));
        Assert.Equal(2, server.EnDocs.AppliedWrites(ContractorRoute));
        Assert.False(result.Created); // the repeat found the contractor the first attempt made
        Assert.Single(server.EnDocs.Contractors, c => c.ExtId == "C-retry");
        var sent = server.EnDocs.Writes.Where(w => w.Route == ContractorRoute).Select(w => System.Text.Json.JsonDocument.Parse(w.Body).RootElement.GetProperty("RequestID").GetString()).ToList();
        Assert.Single(sent.Distinct()); // one RequestID on both tries: traceable
    }

    [Fact]
    public async Task An_upload_whose_answer_was_lost_is_not_sent_again()
    {
        await using var server = await StartAsync();
        await using var relay = new AnswerDroppingRelay(server.EnDocsBaseUri, drops: 1);
        var client = Client(server, baseUri: relay.Uri);
        var draft = new EnDocsNonFormDraft();
        draft.Files.Add(new EnDocsFileContent("once.pdf", new byte[] { 1, 2, 3 }));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.AddNonFormDocumentAsync(draft));

        Assert.Equal(1, server.Requests.Count(EnDocsRouteKeys.AddOrUpdateNonFormDoc));
        Assert.Contains("not retried", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_decline_deletes_the_document_approving_is_no_DocApproval_and_an_unknown_one_is_NotFound()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var docs = await client.GetDocumentsAsync(EnDocsDocumentType.NonForm).ToListAsync();

        await client.DeclineDocumentAsync(docs[1].Id, "Иванова", "нет подписи");
        var after = await client.GetDocumentsAsync(EnDocsDocumentType.NonForm).ToListAsync();

        Assert.DoesNotContain(after, d => d.Id == docs[1].Id);
        Assert.Contains(after, d => d.Id == docs[0].Id);
        var approval = Assert.Single(server.EnDocs.Approvals);
        Assert.Equal((docs[1].Id, false, "Иванова", "нет подписи"), (approval.NonFormId, approval.Approved, approval.Approver, approval.Comment));
        var missing = await Assert.ThrowsAsync<ApiException>(() => client.DeclineDocumentAsync(987_654_321, null, "нет"));
        Assert.Equal(ApiErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task A_non_form_document_is_uploaded_and_listed_and_over_20_MB_nothing_is_sent()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var draft = new EnDocsNonFormDraft { Name = "Скан", Comment = "test", DocDate = new DateTime(2024, 5, 6), Sender = "a@b.ru" };
        draft.Files.Add(new EnDocsFileContent("scan.pdf", new byte[] { 1, 2, 3, 250 }));

        var result = await client.AddNonFormDocumentAsync(draft);
        Assert.True(result.Created);
        Assert.Equal("Скан.pdf", result.FileName); // the name is the file's: its extension added
        var listed = Assert.Single(await client.GetDocumentsAsync(EnDocsDocumentType.NonForm).ToListAsync(), d => d.Id == result.Id);
        Assert.Equal(("Скан.pdf", "Скан.pdf", 4L, "a@b.ru"), (listed.Name, listed.FileName, listed.FileSize, listed.Sender));

        var big = new EnDocsNonFormDraft { Name = "Большой" }; // one document of two files: 20 MB is checked over both
        big.Files.Add(new EnDocsFileContent("a.bin", new byte[EnDocsClient.MaxNonFormBytes / 2]));
        big.Files.Add(new EnDocsFileContent("b.bin", new byte[EnDocsClient.MaxNonFormBytes / 2 + 1]));
        var before = server.Requests.Total;
        var refused = await Assert.ThrowsAsync<ApiValidationException>(() => client.AddNonFormDocumentAsync(big));
        Assert.Contains("20 MB", refused.Message);
        Assert.Equal(before, server.Requests.Total);
    }

    [Fact]
    public void Input_reading_names_every_bad_field()
    {
        var error = Assert.Throws<ApiValidationException>(() => EnDocsDocumentInput.ReadContract(new InputFields(new Dictionary<string, object?>
        {
            ["Name"] = "Договор", ["DocDate"] = "31.02.2024", ["Amount"] = "1 000,5", ["ContractorExtId"] = "C-1",
        }), "item 3"));
        Assert.Contains("Item 3", error.Message);
        Assert.Equal(new[] { "ExtId", "DocDate", "Amount", "OrganizationExtId" }.OrderBy(x => x), error.Violations.Select(v => v.Subject!).OrderBy(x => x));
    }
}
