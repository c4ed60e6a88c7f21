using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EnDocsHttp;

namespace ApiTools.Emulator.Tests;

/// <summary>Reference data, contracts, uploads and declines as EnDocs' help pages and backend show them.</summary>
public sealed class EnDocsWritesTests
{
    [Fact]
    public async Task Contractor_is_created_201_with_every_field_then_updated_204_by_ext_id()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        const string path = "endocs/Dictionaries/AddOrUpdateContractor";

        var (created, _, json) = await PostAsync(client, path, new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "1c-777", Name = "ООО \"Новый\"", FullName = "Общество \"Новый\"", INN = "7712345678", KPP = "771201001",
            Email = "a@b.ru", Bank = "ПАО Банк", BIK = "044525225", Bill = "40702810900000000001", Director = "Петров П.П.", OGRN = "1027700000001",
            Code = "00001", Comment = "важный", Contact = "Анна", Phone = "+7 900", DiadocID = "2BM-1", Type = "ЮрЛицо", LawAddress = "Москва",
            Address = "Москва, ул. 1", Manager = "user1@romashka.ru", Organization = new { Ext_ID = "org-0002", Name = "ООО Лютик" },
        });
        var (updated, body, _) = await PostAsync(client, "endocs/api/Dictionaries/AddOrUpdateContractor",
            """{"RequestID":"d7f3c1b0","Ext_ID":"1c-777","Name":"ООО \"Новый-2\""}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/Dictionaries/AddOrUpdateContractor", created.Headers.Location?.OriginalString);
        Assert.Equal(("1c-777", "7712345678", "044525225"), (json.GetProperty("ext_ID").GetString(), json.GetProperty("inn").GetString(), json.GetProperty("bik").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal("", body);
        var stored = server.EnDocs.Contractors.Single(c => c.ExtId == "1c-777");
        Assert.Equal("ООО \"Новый-2\"", stored.Name);
        Assert.Equal(("ПАО Банк", "044525225", "40702810900000000001", "Петров П.П.", "1027700000001"), (stored.Bank, stored.Bik, stored.Bill, stored.Director, stored.Ogrn));
        Assert.Equal(("00001", "важный", "Анна", "2BM-1", "user1@romashka.ru"), (stored.Code, stored.Comment, stored.Contact, stored.DiadocId, stored.Manager));
        Assert.Equal(2, stored.OrganizationId); // org-0002, the seed's second organization
        Assert.Equal(2, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateContractor));
    }

    [Theory]
    [InlineData("""{"Ext_ID":"c-1","Name":"x"}""", "Field RequestID is required")]
    [InlineData("""{"RequestID":"r","Name":"x"}""", "Field Ext_ID is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"c-1"}""", "Field Name is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"c-1","Name":"x","Organization":{"Ext_ID":"new-org"}}""", "Field Name in Organization list is required")]
    [InlineData("""[1,2]""", "No entity provider")]
    [InlineData("""{"Ext_ID":""", "No entity provider")]
    public async Task A_contractor_EnDocs_refuses_is_400_with_its_text(string body, string expected)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (response, text, _) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateContractor", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, Error(response, text));
        Assert.Equal(0, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateContractor));
    }

    [Fact]
    public async Task A_seeded_contractor_update_shows_in_documents()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var seeded = server.EnDocs.Contractors.First(c => c.ExtId is not null);
        var invoice = server.EnDocs.Listed(EnDocsDocumentKind.Invoice).First(d => d.ContractorId == seeded.Id);

        var (response, _, _) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateContractor",
            new { RequestID = Guid.NewGuid(), Ext_ID = seeded.ExtId, Name = "ООО \"Переименовано\"", Bank = "АО Новый банк" });
        var items = await ListAsync(client, EnDocsDocumentKind.Invoice, invoice.Id - 1);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("ООО \"Переименовано\"", items[0].GetProperty("contractor").GetProperty("name").GetString());
        Assert.Equal("АО Новый банк", items[0].GetProperty("contractor").GetProperty("bank").GetString());
    }

    [Fact]
    public async Task Department_and_employee_take_the_help_pages_keys()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (dep, _, depJson) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateDepartment",
            """{"Ext_ID":"dep-9","FullName":"Отдел маркетинга","Name":"Маркетинг","manager":"user2@romashka.ru","Code":"9","Organization":{"Ext_ID":"org-0001"}}""");
        var (emp, _, empJson) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateEmployee", """
            {"birthdate":"01.01.1970","department":{"ext_id":"dep-9","Name":"Маркетинг"},"Ext_ID":"emp-9","email":"sidorov@romashka.ru",
             "FirstName":"Олег","LastName":"Сидоров","MiddleName":"Петрович","MobilePhone":"+7(910)111-11-16","Organization":{"Ext_ID":"org-0001"}}
            """);
        var (byEmail, _, _) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateEmployee",
            """{"email":"sidorov@romashka.ru","FirstName":"Олег","LastName":"Сидоров","MiddleName":"Петрович","MobilePhone":"+7 999"}""");
        var (newDep, _, _) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateEmployee",
            """{"Ext_ID":"emp-10","FirstName":"Анна","LastName":"Котова","MiddleName":"Ивановна","department":{"ext_id":"dep-10","Name":"Склад 2"}}""");
        var (noMiddle, noMiddleText, _) = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateEmployee",
            """{"Ext_ID":"emp-11","FirstName":"Анна","LastName":"Котова"}""");

        Assert.Equal(HttpStatusCode.Created, dep.StatusCode);
        Assert.Equal("user2@romashka.ru", depJson.GetProperty("manager").GetString());
        Assert.Equal(HttpStatusCode.Created, emp.StatusCode);
        Assert.Equal("1970-01-01T12:00:00Z", empJson.GetProperty("birthdate").GetString());
        Assert.Equal(HttpStatusCode.NoContent, byEmail.StatusCode); // no Ext_ID: found by e-mail
        Assert.Equal(HttpStatusCode.Created, newDep.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noMiddle.StatusCode);
        Assert.Equal("Field MiddleName is required", noMiddleText);
        Assert.Contains(server.EnDocs.Departments, d => d.ExtId == "dep-9" && d.FullName == "Отдел маркетинга" && d.Code == "9" && d.OrganizationId == 1);
        Assert.Contains(server.EnDocs.Departments, d => d.ExtId == "dep-10" && d.Name == "Склад 2");
        var employee = server.EnDocs.Employees.Single(e => e.ExtId == "emp-9");
        Assert.Equal(("Сидоров Олег Петрович", "dep-9", "+7 999"), (employee.Name, employee.DepartmentExtId, employee.MobilePhone));
    }

    [Theory]
    [InlineData("""{"Ext_ID":"k","Name":"x","Contractor":{"Ext_ID":"c"},"Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 400, "Field RequestID is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"k","Contractor":{"Ext_ID":"c"},"Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 400, "Field Name is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"k","Name":"x","Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 400, "Field Contractor is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"k","Name":"x","Contractor":{"Ext_ID":"c","Name":"ООО С"},"Binaries":[]}""", 400, "Field Contractor is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"k","Name":"x","Contractor":{"Ext_ID":"unknown"},"Organization":{"Ext_ID":"org-0001"},"Binaries":[]}""", 400, "Field Name in Contractor list is required")]
    [InlineData("""{"RequestID":"r","Ext_ID":"k","Name":"x","Contractor":{"Ext_ID":"c","Name":"ООО С"},"Organization":{"Ext_ID":"org-0001"},"DocDate":"31.02.2024","Binaries":[]}""", 400, "Field DocDate is not a date (was '31.02.2024')")]
    [InlineData("""{"RequestID":"r","Ext_ID":"k","Name":"x","Contractor":{"Ext_ID":"c","Name":"ООО С"},"Organization":{"Ext_ID":"org-0001"},"Amount":"много","Binaries":[]}""", 400, "Field Amount must be a number")]
    [InlineData("""{"RequestID":"r","Ext_ID":"k","Name":"x","Contractor":{"Ext_ID":"c","Name":"ООО С"},"Organization":{"Ext_ID":"org-0001"}}""", 500, "Database Failure")]
    public async Task A_contract_EnDocs_refuses_gets_the_backends_answer(string body, int status, string expected)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (response, text, _) = await PostAsync(client, "endocs/Contract/AddOrUpdateContract", body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(expected, text);
        Assert.Equal(0, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateContract));
    }

    [Fact]
    public async Task Contract_is_created_with_its_parties_then_updated_and_read_back()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var contractor = server.EnDocs.Contractors.First(c => c.ExtId is not null && c.OrganizationId == 1);

        var (created, _, json) = await PostAsync(client, "endocs/Contract/AddOrUpdateContract", new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "ctr-1", Name = "Договор аренды", DocNumber = "А-1", DocDate = "14.09.2023",
            Amount = 120000.50m, Currency = "RUB", Contractor = new { Ext_ID = contractor.ExtId }, Organization = new { Ext_ID = "org-0001" },
            Type = "С покупателем", ValidityPeriod = "31.12.2024", Subject = "Аренда склада", Binaries = Array.Empty<object>(),
        });
        var (updated, _, _) = await PostAsync(client, "endocs/Contract/AddOrUpdateContract", new
        {
            RequestID = Guid.NewGuid(), Ext_ID = "ctr-1", Name = "Договор аренды (изм.)", Amount = 99.90m,
            Contractor = new { Ext_ID = contractor.ExtId }, Organization = new { Ext_ID = "org-0001" },
        });
        var id = json.GetProperty("id").GetInt64();
        var stored = server.EnDocs.FindDocument(id);
        var (files, filesBody, _) = await GetAsync(client, $"endocs/File/GetContractFileById/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/Contract/AddOrUpdateContract", created.Headers.Location?.OriginalString);
        Assert.Equal(4, json.GetProperty("docTypeId").GetInt32());
        Assert.Equal("Договор", json.GetProperty("docType").GetString());
        Assert.Equal("2023-09-14T12:00:00Z", json.GetProperty("docDate").GetString());
        Assert.Equal("2024-12-31T12:00:00Z", json.GetProperty("validityPeriod").GetString());
        Assert.Equal(120000.50m, json.GetProperty("amount").GetDecimal());
        Assert.Equal(contractor.Name, json.GetProperty("contractor").GetProperty("name").GetString());
        Assert.Equal("ExternalSystem", json.GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.NotNull(stored);
        Assert.Equal(("Договор аренды (изм.)", 99.90m, "Аренда склада", contractor.Id), (stored.Name, stored.Amount, stored.Subject, stored.ContractorId));
        // It carries an ext_ID, so (like every imported document) the list leaves it out.
        Assert.DoesNotContain(server.EnDocs.Listed(EnDocsDocumentKind.Contract), d => d.Id == id);
        Assert.Equal(HttpStatusCode.BadRequest, files.StatusCode); // no file yet: #err-70
        Assert.Equal("Files not found ( #err-70)", filesBody);
    }

    [Fact]
    public async Task A_repeated_request_id_acts_again_and_the_write_log_keeps_both()
    {
        // EnDocs only logs the RequestID: an AddOrUpdate repeated with the same one updates what the first made.
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var body = new { RequestID = Guid.NewGuid(), Ext_ID = "dup-1", Name = "ООО Дубль" };

        var first = await PostAsync(client, "endocs/Dictionaries/AddOrUpdateContractor", body);
        var repeat = await PostAsync(client, "endocs/api/Dictionaries/AddOrUpdateContractor", body);
        using var control = new HttpClient { BaseAddress = server.Address };
        var log = JsonDocument.Parse(await control.GetStringAsync("_emulator/endocs/writes")).RootElement;

        Assert.Equal(HttpStatusCode.Created, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, repeat.Response.StatusCode);
        Assert.Single(server.EnDocs.Contractors, c => c.ExtId == "dup-1");
        Assert.Equal(2, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateContractor));
        Assert.Equal(2, log.GetArrayLength());
        Assert.All(log.EnumerateArray(), w =>
        {
            Assert.Equal(EnDocsRouteKeys.AddOrUpdateContractor, w.GetProperty("route").GetString());
            Assert.Equal("ООО Дубль", w.GetProperty("body").GetProperty("Name").GetString());
        });
        Assert.Equal(new[] { 201, 204 }, log.EnumerateArray().Select(w => w.GetProperty("status").GetInt32()));

        server.Reset();
        Assert.Empty(server.EnDocs.Writes);
        Assert.DoesNotContain(server.EnDocs.Contractors, c => c.ExtId == "dup-1");
    }

    [Fact]
    public async Task A_non_form_upload_keeps_its_first_file_whose_name_is_the_documents()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var before = await ListAsync(client, EnDocsDocumentKind.NonForm);
        var lastId = before[^1].GetProperty("id").GetInt64();
        byte[] content = [1, 2, 3, 250, 0, 7];

        var (response, _, json) = await PostAsync(client, "endocs/Metadata/AddOrUpdateNonFormDoc", new
        {
            RequestID = Guid.NewGuid(), Sender = "buh@vector.ru", DocDate = "01.02.2024", Comment = "из почты", Name = "ignored",
            Binaries = new[]
            {
                new { FileName = "письмо.pdf", FileBase64 = Convert.ToBase64String(content) },
                new { FileName = "второй.pdf", FileBase64 = Convert.ToBase64String(content) },
            },
        });
        var after = await ListAsync(client, EnDocsDocumentKind.NonForm, lastId);
        var id = json.GetProperty("id").GetInt64();
        var (files, _, filesJson) = await GetAsync(client, $"endocs/File/GetFileByExtIntId/{id}/NonFormID");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/Metadata/AddOrUpdateNonFormDoc", response.Headers.Location?.OriginalString);
        Assert.Equal("buh@vector.ru", json.GetProperty("sender").GetString());
        var row = Assert.Single(after);
        Assert.Equal((id, "письмо.pdf", 6, "buh@vector.ru"),
            (row.GetProperty("id").GetInt64(), row.GetProperty("fileName").GetString(), row.GetProperty("fileSize").GetInt32(), row.GetProperty("sender").GetString()));
        Assert.False(row.TryGetProperty("name", out _)); // a non-form document has no name but its file's
        var file = Assert.Single(filesJson.GetProperty("binaries").EnumerateArray().ToList());
        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        Assert.Equal("письмо.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal(content, Convert.FromBase64String(file.GetProperty("fileBase64").GetString()!));
    }

    [Fact]
    public async Task An_upload_is_checked_file_by_file_as_EnDocs_does()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var twenty = Convert.ToBase64String(new byte[20 * 1024 * 1024]);
        var over = Convert.ToBase64String(new byte[20 * 1024 * 1024 + 16 * 1024]);

        async Task<(HttpStatusCode, string)> Upload(object? binaries)
        {
            var (response, text, _) = await PostAsync(client, "endocs/Metadata/AddOrUpdateNonFormDoc", new { RequestID = Guid.NewGuid(), Binaries = binaries });
            return (response.StatusCode, text);
        }

        Assert.Equal((HttpStatusCode.BadRequest, "Max File size exceeded ( #err-20)"), await Upload(new[] { new { FileName = "a.bin", FileBase64 = over } }));
        Assert.Equal((HttpStatusCode.BadRequest, "Can not parse File to Base64"), await Upload(new[] { new { FileName = "a.bin", FileBase64 = "@@not base64@@" } }));
        Assert.Equal((HttpStatusCode.BadRequest, "No file name"), await Upload(new[] { new { FileName = "", FileBase64 = "AQI=" } }));
        Assert.Equal((HttpStatusCode.BadRequest, "No binaries FileBase64 string"), await Upload(new[] { new { FileName = "a.bin", FileBase64 = "" } }));
        Assert.Equal((HttpStatusCode.BadRequest, "File is required"), await Upload(null));
        Assert.Equal(HttpStatusCode.Created, (await Upload(new[] { new { FileName = "a.bin", FileBase64 = twenty } })).Item1);
        Assert.Equal(1, server.EnDocs.AppliedWrites(EnDocsRouteKeys.AddOrUpdateNonFormDoc));
    }

    [Fact]
    public async Task DocApproval_declines_and_deletes_and_refuses_to_approve()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var listed = server.EnDocs.Listed(EnDocsDocumentKind.NonForm).Take(2).ToList();
        var invoice = server.EnDocs.Documents(EnDocsDocumentKind.Invoice)[0];

        var (approve, approveText, _) = await PostAsync(client, "endocs/Metadata/DocApproval",
            new { RequestID = Guid.NewGuid(), NonFormID = listed[0].Id, Approved = true, Approver = "Иванов", Comment = "ок" });
        var (decline, declineText, _) = await PostAsync(client, "endocs/api/Metadata/DocApproval",
            new { RequestID = Guid.NewGuid(), NonFormID = listed[1].Id, Approved = false, Approver = "Иванов", Comment = "нет подписи" });
        var (again, againText, _) = await PostAsync(client, "endocs/Metadata/DocApproval",
            new { RequestID = Guid.NewGuid(), NonFormID = listed[1].Id, Approved = false });
        var (wrongKind, wrongKindText, _) = await PostAsync(client, "endocs/Metadata/DocApproval", new { RequestID = Guid.NewGuid(), NonFormID = invoice.Id });
        var (noId, noIdText, _) = await PostAsync(client, "endocs/Metadata/DocApproval", new { RequestID = Guid.NewGuid(), Approved = false });
        var items = await ListAsync(client, EnDocsDocumentKind.NonForm, listed[0].Id - 1);

        Assert.Equal((HttpStatusCode.BadRequest, "Wrong approval for document was found"), (approve.StatusCode, approveText));
        Assert.Equal((HttpStatusCode.OK, "Success"), (decline.StatusCode, declineText));
        Assert.Equal((HttpStatusCode.BadRequest, $"No NonFormDoc with id {listed[1].Id} was found"), (again.StatusCode, againText));
        Assert.Equal((HttpStatusCode.BadRequest, $"No NonFormDoc with id {invoice.Id} was found"), (wrongKind.StatusCode, wrongKindText));
        Assert.Equal((HttpStatusCode.BadRequest, "Field NonFormID is required"), (noId.StatusCode, noIdText));
        Assert.Contains(items, i => i.GetProperty("id").GetInt64() == listed[0].Id);
        Assert.DoesNotContain(items, i => i.GetProperty("id").GetInt64() == listed[1].Id);
        var declined = Assert.Single(server.EnDocs.Approvals);
        Assert.Equal((listed[1].Id, false, "Иванов", "нет подписи"), (declined.NonFormId, declined.Approved, declined.Approver, declined.Comment));
    }

    [Fact]
    public async Task Unknown_paths_and_wrong_methods_are_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (get, _, _) = await GetAsync(client, "endocs/Metadata/DocApproval");
        var (post, _, _) = await PostAsync(client, "endocs/api/Output/GetClientInfo", "{}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
