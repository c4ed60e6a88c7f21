using ApiTools.Emulator;
using ApiTools.PowerShell.Tests.Evotor;
using ApiTools.PowerShell.Tests.Support;

namespace ApiTools.PowerShell.Tests.EnDocs;

internal static class EnDocsSession
{
    public const string Token = "endocs-demo-token";
    public const string InvoicesRoute = "GET /endocs/Output/GetNewInvoices/{docId}/{requestId}";

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null) => Support.Emulator.StartAsync(configure);

    public static void ConnectEnDocs(this PowerShellSession session, EmulatorServer server, string token = Token)
    {
        var r = session.Run("Connect-EnDocs -Token $t -BaseUri $u -SkipCheck", new Dictionary<string, object> { ["t"] = token, ["u"] = server.EnDocsBaseUri });
        if (r.Failure is not null || r.Errors.Count > 0) throw new InvalidOperationException("Connect-EnDocs failed");
    }
}

public sealed class EnDocsCmdletTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "endocs-ps-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Get_EnDocsDocument_writes_typed_documents_and_First_costs_one_request()
    {
        await using var server = await EnDocsSession.StartAsync(o => o.EnDocsInvoices = 50_000);
        using var session = new PowerShellSession();
        session.ConnectEnDocs(server);

        var contracts = session.Run("Get-EnDocsDocument -Type Contract");
        Assert.Null(contracts.Failure);
        Assert.NotEmpty(contracts.Output);
        Assert.All(contracts.Output, o => Assert.Equal("ApiTools.EnDocs.Models.EnDocsContract", o.BaseObject.GetType().FullName));

        var first = session.Run("Get-EnDocsDocument Invoice -First 5 | Select-Object Id, ContractorName, Amount");
        Assert.Equal(5, first.Output.Count);
        await server.Requests.WaitForIdleAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, server.Requests.Count(EnDocsSession.InvoicesRoute));

        var csv = session.Run("Get-EnDocsDocument Contract -First 2 | ConvertTo-Csv -NoTypeInformation");
        Assert.Contains("ContractorInn", csv.Output[0].ToString());
    }

    [Fact]
    public async Task StatePath_resumes_after_the_highest_id_and_is_written_only_when_the_listing_completed()
    {
        await using var server = await EnDocsSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectEnDocs(server);
        Directory.CreateDirectory(_folder);
        var state = Path.Combine(_folder, "invoices.last");
        var vars = new Dictionary<string, object> { ["s"] = state };

        var partial = session.Run("Get-EnDocsDocument Invoice -StatePath $s -First 3", vars);
        Assert.Equal(3, partial.Output.Count);
        Assert.False(File.Exists(state)); // stopped early: not the end of the listing

        var all = session.Run("Get-EnDocsDocument Invoice -StatePath $s", vars);
        var highest = all.Output.Max(o => (long)o.Properties["Id"].Value);
        Assert.Equal(highest.ToString(), File.ReadAllText(state).Trim());

        Assert.Empty(session.Run("Get-EnDocsDocument Invoice -StatePath $s", vars).Output);
        Assert.Equal(highest.ToString(), File.ReadAllText(state).Trim());
    }

    [Fact]
    public async Task Piped_documents_save_their_files_inside_the_folder_and_existing_files_are_FileExists_errors()
    {
        await using var server = await EnDocsSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectEnDocs(server);
        var target = Path.Combine(_folder, "files");
        var vars = new Dictionary<string, object> { ["p"] = target };

        var saved = session.Run("Get-EnDocsDocument NonForm -First 3 | Save-EnDocsFile -Path $p", vars);
        Assert.Null(saved.Failure);
        Assert.NotEmpty(saved.Output);
        Assert.All(saved.Output, o => Assert.StartsWith(Path.GetFullPath(target) + Path.DirectorySeparatorChar, ((FileInfo)o.BaseObject).FullName));
        Assert.Equal(new[] { target }, Directory.GetFileSystemEntries(_folder));

        var again = session.Run("Get-EnDocsDocument NonForm -First 3 | Save-EnDocsFile -Path $p", vars);
        Assert.Empty(again.Output);
        Assert.NotEmpty(again.Errors);
        Assert.All(again.Errors, e => Assert.StartsWith("EnDocs.FileExists,", e.FullyQualifiedErrorId));

        var missing = session.Run("Save-EnDocsFile -Id 999999999 -Kind MetaID -Path $p", vars);
        Assert.StartsWith("EnDocs.NotFound,", Assert.Single(missing.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task WhatIf_sends_nothing_from_any_mutator()
    {
        await using var server = await EnDocsSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectEnDocs(server);
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "scan.pdf");
        File.WriteAllBytes(file, new byte[] { 1, 2, 3 });

        var result = session.Run("""
            Set-EnDocsContractor -ExtId C-1 -Name 'ООО Ромашка' -Bank 'ПАО Банк' -WhatIf
            @{ Ext_ID = 'D-1'; Name = 'Отдел' } | Set-EnDocsDepartment -WhatIf
            Set-EnDocsEmployee -ExtId E-1 -LastName 'Иванова' -FirstName 'Анна' -MiddleName 'Петровна' -WhatIf
            Set-EnDocsContract -ExtId K-1 -Name 'Договор' -DocDate 2024-03-01 -ContractorExtId C-1 -OrganizationExtId org-0001 -Path $f -WhatIf
            Set-EnDocsDocument -ExtId S-1 -DocTypeId 14 -Source Incoming -OrganizationExtId org-0001 -TablePart @{ Name = 'x'; Quantity = 1 } -Path $f -WhatIf
            Add-EnDocsDocument -Name 'Скан' -Path $f -WhatIf
            Add-EnDocsDocument -Path $f -OnePerFile -WhatIf
            Deny-EnDocsDocument -Id 1 -Comment 'нет' -WhatIf
            Invoke-EnDocsRequest POST Dictionaries/AddOrUpdateDepartment -Body @{ Ext_ID = 'x'; Name = 'y' } -WhatIf
            Save-EnDocsFile -Id 1 -Kind MetaID -Path $d -WhatIf
            """, new Dictionary<string, object> { ["f"] = file, ["d"] = Path.Combine(_folder, "out") });

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        Assert.Equal(0, server.Requests.Total);
    }

    [Fact]
    public async Task A_structured_document_goes_with_its_lines_from_a_second_CSV_and_the_write_log_shows_what_was_sent()
    {
        await using var server = await EnDocsSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectEnDocs(server);

        var result = session.Run("""
            $docs = "ExtId;DocTypeId;Source;OrganizationExtId;ContractorExtId;DocNumber;DocDate;Amount`nI-1;Счет входящий;Входящий;org-0001;;СЧ-1;01.03.2024;501`nI-2;14;Incoming;org-0001;;СЧ-2;02.03.2024;100,5" | ConvertFrom-Csv -Delimiter ';'
            $lines = "DocumentExtId;Name;UnitName;Quantity;Price;Amount`nI-1;Бумага;шт;2;250,5;501`nI-2;Доставка;;1;100,5;100,5" | ConvertFrom-Csv -Delimiter ';'
            $docs | Set-EnDocsDocument -TablePart $lines -PassThru
            """);

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { true, true }, result.Output.Select(o => (bool)o.Properties["Created"].Value));
        var sent = server.EnDocs.Writes.Where(w => w.Route == Emulator.EnDocsRouteKeys.AddOrUpdateExtDoc).Select(w => System.Text.Json.JsonDocument.Parse(w.Body).RootElement).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(14, sent[0].GetProperty("DocTypeId").GetInt32()); // the type's name read as its id
        Assert.Equal("01.03.2024", sent[0].GetProperty("DocDate").GetString());
        Assert.Equal("org-0001", sent[0].GetProperty("Organization").GetProperty("Ext_ID").GetString());
        Assert.Equal("Входящий", sent[1].GetProperty("Source").GetString());
        using var rows = System.Text.Json.JsonDocument.Parse(sent[0].GetProperty("TablePart").GetString()!);
        var row = Assert.Single(rows.RootElement.EnumerateArray().ToList());
        Assert.Equal(("Бумага", "2", "250.5", "501"), (row.GetProperty("Name").GetString(), row.GetProperty("Quantity").GetString(),
            row.GetProperty("AmountToPay").GetString(), row.GetProperty("Amount").GetString()));
    }

    [Fact]
    public async Task A_contractor_read_from_a_document_pipes_back_with_every_field_and_no_warning()
    {
        await using var server = await EnDocsSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectEnDocs(server);

        var result = session.Run("""
            $doc = Get-EnDocsDocument Invoice | Where-Object { $_.Contractor.ExtId -and $_.Contractor.Bank } | Select-Object -First 1
            $doc.Contractor | Set-EnDocsContractor -PassThru
            $doc.Contractor
            """);

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.False((bool)result.Output[0].Properties["Created"].Value);
        var party = result.Output[1];
        string? Read(string name) => (string?)party.Properties[name].Value;
        using var body = System.Text.Json.JsonDocument.Parse(server.EnDocs.Writes.Single().Body);
        var sent = body.RootElement;
        Assert.Equal((Read("ExtId"), Read("Bank"), Read("Bik"), Read("Bill"), Read("Ogrn")), (sent.GetProperty("Ext_ID").GetString(), sent.GetProperty("Bank").GetString(),
            sent.GetProperty("BIK").GetString(), sent.GetProperty("Bill").GetString(), sent.GetProperty("OGRN").GetString()));
        Assert.False(sent.TryGetProperty("Id", out _));
    }

    [Fact]
    public async Task Files_are_saved_by_a_text_ext_id_and_an_id_that_can_never_be_one_is_refused_before_any_request()
    {
        await using var server = await EnDocsSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectEnDocs(server);
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "акт.pdf");
        File.WriteAllBytes(file, new byte[] { 37, 80, 68, 70 });
        var vars = new Dictionary<string, object> { ["f"] = file, ["p"] = Path.Combine(_folder, "out") };

        var result = session.Run("""
            Set-EnDocsDocument -ExtId 'Акт 7-2024' -DocTypeId 10 -Source Outgoing -OrganizationExtId org-0001 -Path $f -PassThru | Save-EnDocsFile -Path $p
            Save-EnDocsFile -Id 'C-001' -Kind MetaID -Path $p
            """, vars);

        var saved = Assert.Single(result.Output);
        Assert.Equal("акт.pdf", ((FileInfo)saved.BaseObject).Name);
        Assert.Equal(new byte[] { 37, 80, 68, 70 }, File.ReadAllBytes(((FileInfo)saved.BaseObject).FullName));
        var refused = Assert.Single(result.Errors);
        Assert.StartsWith("EnDocs.ValidationFailed,", refused.FullyQualifiedErrorId);
        Assert.Contains("-Kind ExtID", refused.Exception.Message);
        Assert.Equal(1, server.Requests.Count(Emulator.EnDocsRouteKeys.FileByExtIntId)); // only the ext id one went
    }

    [Fact]
    public async Task An_invalid_row_is_one_ValidationFailed_error_naming_item_and_field_and_the_rest_are_sent()
    {
        await using var server = await EnDocsSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectEnDocs(server);

        var result = session.Run("""
            "Ext_ID,Name,INN`nC-1,ООО Один,7701234567`nC-2,,7701234568`nC-3,ООО Три,12" | ConvertFrom-Csv | Set-EnDocsContractor -PassThru
            """);

        Assert.Single(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("EnDocs.ValidationFailed,", e.FullyQualifiedErrorId));
        Assert.Contains("Item 2", result.Errors[0].Exception.Message);
        Assert.Contains("Name", result.Errors[0].Exception.Message);
        Assert.Contains("Item 3", result.Errors[1].Exception.Message);
        Assert.Contains("Inn", result.Errors[1].Exception.Message);
        Assert.Equal(1, server.Requests.Count("POST /endocs/Dictionaries/AddOrUpdateContractor"));
    }

    [Fact]
    public async Task The_token_appears_in_no_stream_no_error_and_no_ToString()
    {
        const string good = "endocs-good-secret-71c2d9";
        const string bad = "endocs-bad-secret-3a8f04";
        await using var server = await EnDocsSession.StartAsync(o => o.EnDocsTokens = new List<string> { good });
        using var session = new PowerShellSession();
        var vars = new Dictionary<string, object> { ["good"] = good, ["bad"] = bad, ["u"] = server.EnDocsBaseUri };

        var runs = new List<PowerShellResult>
        {
            session.Run("""
                $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
                $c = Connect-EnDocs -Token $good -BaseUri $u -PassThru -Verbose
                $c; $c.ToString(); $c | Format-List * -Force | Out-String; $c | ConvertTo-Json -Depth 4; ($c | Get-Member -Force | Out-String)
                Get-EnDocsClient -Verbose | Format-List * | Out-String
                Get-EnDocsDocument Invoice -First 3 -Verbose
                Invoke-EnDocsRequest GET Output/GetClientUsers -Verbose
                Save-EnDocsFile -Id 999999 -Kind MetaID -Path ([IO.Path]::GetTempPath()) -Verbose
                """, vars),
            session.Run("""
                Connect-EnDocs -Token $bad -BaseUri $u
                try { Get-EnDocsClient -Verbose } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString(); $Error | Out-String }
                """, vars),
        };

        var text = runs.SelectMany(r => r.AllText()).ToList();
        Assert.Contains(text, t => t.Contains("EnDocs GET /Output/GetClientInfo"));
        Assert.Contains(text, t => t.Contains("Unauthorized") || t.Contains("401"));
        Assert.DoesNotContain(text, t => t.Contains(good));
        Assert.DoesNotContain(text, t => t.Contains(bad));
    }
}

[Collection(nameof(EnvironmentCollection))]
public class EnDocsConnectionResolutionTests
{
    [Fact]
    public async Task Without_Connect_ENDOCS_TOKEN_and_ENDOCS_BASE_URI_serve_and_verbose_says_so()
    {
        await using var server = await EnDocsSession.StartAsync();
        var saved = (Environment.GetEnvironmentVariable("ENDOCS_TOKEN"), Environment.GetEnvironmentVariable("ENDOCS_BASE_URI"));
        Environment.SetEnvironmentVariable("ENDOCS_TOKEN", EnDocsSession.Token);
        Environment.SetEnvironmentVariable("ENDOCS_BASE_URI", server.EnDocsBaseUri.ToString());
        try
        {
            using var session = new PowerShellSession();
            var result = session.Run("Get-EnDocsClient -Verbose");
            Assert.Null(result.Failure);
            Assert.Equal("ApiTools.EnDocs.Models.EnDocsAccount", Assert.Single(result.Output).BaseObject.GetType().FullName);
            Assert.Contains(result.Verbose, v => v.Message.Contains("ENDOCS_TOKEN environment variable"));

            Environment.SetEnvironmentVariable("ENDOCS_TOKEN", null);
            var none = session.Run("try { Get-EnDocsClient } catch { $_ }");
            var record = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(none.Output).BaseObject);
            Assert.StartsWith("EnDocs.Configuration,", record.FullyQualifiedErrorId);
            Assert.Contains("Connect-EnDocs", record.Exception.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ENDOCS_TOKEN", saved.Item1);
            Environment.SetEnvironmentVariable("ENDOCS_BASE_URI", saved.Item2);
        }
    }
}
