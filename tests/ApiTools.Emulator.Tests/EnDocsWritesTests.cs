using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EnDocsHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EnDocsWritesTests
{
    [Fact]
    public async Task Contractor_is_created_201_then_updated_204_by_ext_id()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        const string path = "endocs/Dictionaries/AddOrUpdateContractor";

        var (created, _, json) = await PostAsync(client, path, new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "1c-777", Name = "ООО \"Новый\"", INN = "7712345678", KPP = "771201001", Email = "a@b.ru",
        });
        var (updated, body, _) = await PostAsync(client, "endocs/api/Dictionaries/AddOrUpdateContractor",
            """{"requestid":"d7f3c1b0-0000-4000-8000-000000000001","ext_id":"1c-777","name":"ООО \"Новый-2\""}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("1c-777", json.GetProperty("ext_ID").GetString());
        Assert.Equal("7712345678", json.GetProperty("inn").GetString());
        Assert.True(json.GetProperty("id").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal("", body);
        var stored = server.EnDocs.Contractors.Single(c => c.ExtId == "1c-777");
        Assert.Equal("ООО \"Новый-2\"", stored.Name);
        Assert.Equal("7712345678", stored.Inn); // fields the update did not name stay
        Assert.Equal(2, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateContractor));
    }

    [Fact]
    public async Task A_seeded_contractor_update_shows_in_documents()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var seeded = server.EnDocs.Contractors.First(c => c.ExtId is not null);
        var invoice = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).First(d => d.ContractorId == seeded.Id);

        var (response, _, _) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateContractor",
            new { RequestID = Guid.NewGuid(), Ext_ID = seeded.ExtId, Name = "ООО \"Переименовано\"" });
        var items = await ListAsync(client, EnDocsDocumentKind.Invoice, invoice.Id - 1);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("ООО \"Переименовано\"", items[0].GetProperty("contractor").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Department_and_employee_writes_are_kept()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (dep, _, depJson) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateDepartment",
            new { RequestID = Guid.NewGuid(), Ext_ID = "dep-9", Name = "Маркетинг", ParentExt_ID = "dep-0001" });
        var (emp, _, empJson) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateEmployee",
            new { RequestID = Guid.NewGuid(), Ext_ID = "emp-9", Name = "Сидоров Олег", Position = "Маркетолог", DepartmentExt_ID = "dep-9" });
        var (seededDep, _, _) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateDepartment",
            new { RequestID = Guid.NewGuid(), Ext_ID = "dep-0001", Name = "Бухгалтерия и финансы" });

        Assert.Equal(HttpStatusCode.Created, dep.StatusCode);
        Assert.Equal("dep-0001", depJson.GetProperty("parentExt_ID").GetString());
        Assert.Equal(HttpStatusCode.Created, emp.StatusCode);
        Assert.Equal("dep-9", empJson.GetProperty("departmentExt_ID").GetString());
        Assert.Equal(HttpStatusCode.NoContent, seededDep.StatusCode);
        Assert.Contains(server.EnDocs.Departments, d => d.ExtId == "dep-9" && d.Name == "Маркетинг");
        Assert.Contains(server.EnDocs.Departments, d => d.ExtId == "dep-0001" && d.Name == "Бухгалтерия и финансы");
        Assert.Contains(server.EnDocs.Employees, e => e.ExtId == "emp-9" && e.Position == "Маркетолог");
    }

    [Theory]
    [InlineData("""{"RequestID":"6b1f0c4e-1111-4000-8000-000000000001","Name":"x"}""", "Ext_ID is required")]
    [InlineData("""{"RequestID":"6b1f0c4e-1111-4000-8000-000000000002","Ext_ID":"c-1"}""", "Name is required")]
    [InlineData("""{"RequestID":"6b1f0c4e-1111-4000-8000-000000000003","Ext_ID":"c-1","Name":"x","DocDate":"2024-01-31"}""", "DocDate")]
    [InlineData("""{"RequestID":"6b1f0c4e-1111-4000-8000-000000000004","Ext_ID":"c-1","Name":"x","Amount":"много"}""", "Amount")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""{"Ext_ID":""", "Invalid JSON")]
    public async Task A_bad_contract_is_400_naming_the_field(string body, string expected)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (response, _, json) = await PostAsync(client, "endocs/Contract/AddOrUpdateContract", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, Error(json));
        Assert.Equal(0, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateContract));
    }

    [Fact]
    public async Task Contract_is_created_then_updated_and_read_back()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var contractor = server.EnDocs.Contractors.First(c => c.ExtId is not null);

        var (created, _, json) = await PostAsync(client, "endocs/Contract/AddOrUpdateContract", new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "ctr-1", Name = "Договор аренды", DocNumber = "А-1", DocDate = "14.09.2023",
            Amount = 120000.50m, Currency = "RUB", ContractorExt_ID = contractor.ExtId, Type = "С покупателем",
            ValidityPeriod = "31.12.2024", Subject = "Аренда склада",
        });
        var (updated, _, _) = await PostAsync(client, "endocs/Contract/AddOrUpdateContract",
            new { RequestID = Guid.NewGuid(), Ext_ID = "ctr-1", Name = "Договор аренды (изм.)", Amount = "99.90" });
        var id = json.GetProperty("id").GetInt64();
        var stored = server.EnDocs.FindDocument(id);
        var (files, filesBody, _) = await GetAsync(client, $"endocs/File/GetContractFileById/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(4, json.GetProperty("docTypeId").GetInt32());
        Assert.Equal("2023-09-14T00:00:00Z", json.GetProperty("docDate").GetString());
        Assert.Equal("2024-12-31T00:00:00Z", json.GetProperty("validityPeriod").GetString());
        Assert.Equal(120000.50m, json.GetProperty("amount").GetDecimal());
        Assert.Equal(contractor.Name, json.GetProperty("contractor").GetProperty("name").GetString());
        Assert.Equal("С покупателем", json.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.NotNull(stored);
        Assert.Equal("Договор аренды (изм.)", stored.Name);
        Assert.Equal(99.90m, stored.Amount);
        Assert.Equal("Аренда склада", stored.Subject);
        Assert.Equal(stored, server.EnDocs.FindDocumentByExtId("ctr-1"));
        // It carries an ext_ID, so (like every imported document) the list leaves it out.
        Assert.DoesNotContain(server.EnDocs.Listed(EnDocsDocumentKind.Contract), d => d.Id == id);
        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        Assert.Equal("""{"binaries":[]}""", filesBody);
    }

    [Fact]
    public async Task A_repeated_request_id_gets_the_first_answer_and_is_not_applied_again()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        using var other = Client(server, "endocs-demo-token-2");
        var requestId = Guid.NewGuid();
        var body = new { RequestID = requestId, Ext_ID = "dup-1", Name = "ООО Дубль" };

        var first = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateContractor", body);
        var repeat = await PostAsync(client, "endocs/api/Dictionaries/AddOrUpdateContractor", body);
        var otherToken = await PostAsync(other, "endocs/Dictionaries/AddOrUpdateContractor", body);

        Assert.Equal(HttpStatusCode.Created, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.Response.StatusCode);
        Assert.Equal(first.Body, repeat.Body);
        Assert.Equal(HttpStatusCode.NoContent, otherToken.Response.StatusCode); // another token: a write of its own
        Assert.Single(server.EnDocs.Contractors, c => c.ExtId == "dup-1");
        Assert.Equal(2, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateContractor));
        Assert.Equal(1, server.EnDocs.DeduplicatedWrites(EnDocsRouteKeys.AddOrUpdateContractor));
        Assert.Equal(3, server.Requests.Count(EnDocsRouteKeys.AddOrUpdateContractor));

        server.Reset();
        Assert.Equal(0, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateContractor));
        Assert.DoesNotContain(server.EnDocs.Contractors, c => c.ExtId == "dup-1");
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, "endocs/Dictionaries/AddOrUpdateContractor", body)).Response.StatusCode);
    }

    [Fact]
    public async Task A_non_form_upload_appears_in_the_list_with_its_files()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var before = await ListAsync(client, EnDocsDocumentKind.NonForm);
        var lastId = before[^1].GetProperty("id").GetInt64();
        byte[] content = [1, 2, 3, 250, 0, 7];

        var (response, _, json) = await PostAsync(client, "endocs/Metadata/AddOrUpdateNonFormDoc", new
        {
            RequestID = Guid.NewGuid(), Name = "Скан письма", DocDate = "01.02.2024", Comment = "из почты",
            Binaries = new[] { new { FileName = "письмо.pdf", FileBase64 = Convert.ToBase64String(content) } },
        });
        var after = await ListAsync(client, EnDocsDocumentKind.NonForm, lastId);
        var id = json.GetProperty("id").GetInt64();
        var (files, _, filesJson) = await GetAsync(client, $"endocs/File/GetFileByExtIntId/{id}/NonFormID");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(16, json.GetProperty("docTypeId").GetInt32());
        Assert.Equal("Скан письма", json.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ext_ID").ValueKind);
        Assert.Equal(id, Assert.Single(after).GetProperty("id").GetInt64());
        Assert.True(id > lastId);
        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        var file = Assert.Single(filesJson.GetProperty("binaries").EnumerateArray().ToList());
        Assert.Equal("письмо.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal(content, Convert.FromBase64String(file.GetProperty("fileBase64").GetString()!));
    }

    [Fact]
    public async Task More_than_20_MB_decoded_is_413_err_20_and_bad_base64_is_400()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var half = Convert.ToBase64String(new byte[10 * 1024 * 1024]);
        var one = Convert.ToBase64String(new byte[1]);

        var (tooBig, _, json) = await PostAsync(client, "endocs/Metadata/AddOrUpdateNonFormDoc", new
        {
            RequestID = Guid.NewGuid(), Name = "Большой",
            Binaries = new[] { new { FileName = "a.bin", FileBase64 = half }, new { FileName = "b.bin", FileBase64 = half }, new { FileName = "c.bin", FileBase64 = one } },
        });
        var (exact, _, _) = await PostAsync(client, "endocs/Metadata/AddOrUpdateNonFormDoc", new
        {
            RequestID = Guid.NewGuid(), Name = "Ровно 20 МБ",
            Binaries = new[] { new { FileName = "a.bin", FileBase64 = half }, new { FileName = "b.bin", FileBase64 = half } },
        });
        var (bad, _, badJson) = await PostAsync(client, "endocs/Metadata/AddOrUpdateNonFormDoc",
            new { RequestID = Guid.NewGuid(), Name = "x", Binaries = new[] { new { FileName = "a.bin", FileBase64 = "@@not base64@@" } } });
        var (none, _, noneJson) = await PostAsync(client, "endocs/Metadata/AddOrUpdateNonFormDoc", new { RequestID = Guid.NewGuid(), Name = "x" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("Max file size exceeded ( #err-20)", Error(json));
        Assert.Equal(HttpStatusCode.Created, exact.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("FileBase64", Error(badJson));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal("Binaries is required", Error(noneJson));
        Assert.Equal(1, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateNonFormDoc));
    }

    [Fact]
    public async Task Approval_sets_the_state_and_rejection_interrupts()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var listed = server.EnDocs.Listed(EnDocsDocumentKind.NonForm).Take(2).ToList();
        var invoice = server.EnDocs.Documents(EnDocsDocumentKind.Invoice)[0];

        var (ok, _, okJson) = await PostAsync(client, "endocs/Metadata/DocApproval",
            new { RequestID = Guid.NewGuid(), NonFormID = listed[0].Id, Approved = true, Approver = "Иванов", Comment = "ок" });
        var (no, _, _) = await PostAsync(client, "endocs/api/Metadata/DocApproval",
            new { RequestID = Guid.NewGuid(), NonFormID = listed[1].Id.ToString(), Approved = false, Comment = "нет подписи" });
        var (missing, _, missingJson) = await PostAsync(client, "endocs/Metadata/DocApproval",
            new { RequestID = Guid.NewGuid(), NonFormID = 999_999_999, Approved = true });
        var (wrongKind, _, _) = await PostAsync(client, "endocs/Metadata/DocApproval",
            new { RequestID = Guid.NewGuid(), NonFormID = invoice.Id, Approved = true });
        var (noFlag, _, noFlagJson) = await PostAsync(client, "endocs/Metadata/DocApproval",
            new { RequestID = Guid.NewGuid(), NonFormID = listed[0].Id });
        var items = await ListAsync(client, EnDocsDocumentKind.NonForm, listed[0].Id - 1);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("ok", okJson.GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.OK, no.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Document not found", Error(missingJson));
        Assert.Equal(HttpStatusCode.NotFound, wrongKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFlag.StatusCode);
        Assert.Equal("Approved is required", Error(noFlagJson));
        Assert.Equal("Согласовано", items.Single(i => i.GetProperty("id").GetInt64() == listed[0].Id).GetProperty("state").GetString());
        Assert.Equal("Прервано", items.Single(i => i.GetProperty("id").GetInt64() == listed[1].Id).GetProperty("state").GetString());
        Assert.Equal(2, server.EnDocs.Approvals.Count);
        Assert.Equal(2, server.EnDocs.AppliedWrites(EnDocsRouteKeys.DocApproval));
    }

    [Fact]
    public async Task Unknown_paths_and_wrong_methods_are_404_in_endocs_shape()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (get, _, json) = await GetAsync(client, "endocs/Metadata/DocApproval");
        var (post, _, _) = await PostAsync(client, "endocs/api/Output/GetClientInfo", "{}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.False(string.IsNullOrEmpty(Error(json)));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
