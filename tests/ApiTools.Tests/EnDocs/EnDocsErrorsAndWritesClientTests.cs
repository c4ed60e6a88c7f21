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
    [InlineData(401, "No Authorization header ( #err-80)", ApiErrorKind.Unauthorized, "err-80")]
    [InlineData(401, "{\"error\":\"No token ( #err-30)\"}", ApiErrorKind.Unauthorized, "err-30")]
    [InlineData(401, "{\"message\":\"Could not find any client for this token ( #err-40)\"}", ApiErrorKind.Unauthorized, "err-40")]
    [InlineData(400, "{\"error\":\"Max file size exceeded ( #err-20)\"}", ApiErrorKind.PayloadTooLarge, "err-20")]
    [InlineData(403, "\"Client is blocked ( #err-50)\"", ApiErrorKind.Forbidden, "err-50")]
    [InlineData(400, "Storage quota exceeded ( #err-60)", ApiErrorKind.QuotaExhausted, "err-60")]
    [InlineData(404, "{\"error\":\"File not found ( #err-70)\"}", ApiErrorKind.NotFound, "err-70")]
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
            Assert.Contains("Ext_ID is required", Assert.Single(((ApiValidationException)error).Violations).Reason);
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

        Assert.True((await client.AddOrUpdateDepartmentAsync(new EnDocsDepartment { ExtId = "D-1", Name = "Бухгалтерия" })).Created);
        Assert.True((await client.AddOrUpdateEmployeeAsync(new EnDocsEmployee { ExtId = "E-1", Name = "Иванова", DepartmentExtId = "D-1" })).Created);
        Assert.True((await client.AddOrUpdateContractAsync(new EnDocsContractDraft
        {
            ExtId = "K-1", Name = "Договор", DocDate = new DateTime(2024, 3, 1), ValidityPeriod = new DateTime(2025, 3, 1), Amount = 1000.5m,
        })).Created);
    }

    [Fact]
    public async Task A_retried_write_reuses_its_RequestID_so_EnDocs_applies_it_once()
    {
        await using var server = await StartAsync();
        await using var relay = new AnswerDroppingRelay(server.EnDocsBaseUri, drops: 1);
        var client = Client(server, baseUri: relay.Uri);

        var result = await client.AddOrUpdateContractorAsync(new EnDocsContractor { ExtId = "C-retry", Name = "ООО Повтор" });

        Assert.Equal(2, server.Requests.Count(ContractorRoute));
        Assert.Equal(1, server.EnDocs.AppliedWrites(ContractorRoute));
        Assert.Equal(1, server.EnDocs.DeduplicatedWrites(ContractorRoute));
        Assert.True(result.Created); // the repeat got the first answer
        Assert.Single(server.EnDocs.Contractors, c => c.ExtId == "C-retry");
    }

    [Fact]
    public async Task Approval_and_rejection_show_in_later_reads_and_an_unknown_document_is_NotFound()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var docs = await client.GetDocumentsAsync(EnDocsDocumentType.NonForm).ToListAsync();

        await client.ApproveDocumentAsync(docs[0].Id, true, "Иванова", "ok");
        await client.ApproveDocumentAsync(docs[1].Id, false, null, "нет подписи");
        var after = await client.GetDocumentsAsync(EnDocsDocumentType.NonForm).ToListAsync();

        Assert.Equal("Согласовано", after.Single(d => d.Id == docs[0].Id).State);
        Assert.Equal("Прервано", after.Single(d => d.Id == docs[1].Id).State);
        var missing = await Assert.ThrowsAsync<ApiException>(() => client.ApproveDocumentAsync(987_654_321, true, null, null));
        Assert.Equal(ApiErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task A_non_form_document_is_uploaded_and_listed_and_over_20_MB_nothing_is_sent()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var draft = new EnDocsNonFormDraft { Name = "Скан", Comment = "test", DocDate = new DateTime(2024, 5, 6) };
        draft.Files.Add(new EnDocsFileContent("scan.pdf", new byte[] { 1, 2, 3, 250 }));

        var result = await client.AddNonFormDocumentAsync(draft);
        Assert.True(result.Created);
        Assert.Contains(await client.GetDocumentsAsync(EnDocsDocumentType.NonForm).ToListAsync(), d => d.Id == result.Id);

        var big = new EnDocsNonFormDraft { Name = "Большой" };
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
        var error = Assert.Throws<ApiValidationException>(() => EnDocsInput.ReadContract(new InputFields(new Dictionary<string, object?>
        {
            ["Name"] = "Договор", ["DocDate"] = "31.02.2024", ["Amount"] = "1 000,5",
        }), "item 3"));
        Assert.Contains("Item 3", error.Message);
        Assert.Equal(new[] { "ExtId", "DocDate", "Amount" }.OrderBy(x => x), error.Violations.Select(v => v.Subject!).OrderBy(x => x));
    }
}
