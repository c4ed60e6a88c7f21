using ApiTools.Emulator;
using ApiTools.Emulator.PlanFix;
using ApiTools.PowerShell.Tests.Support;

namespace ApiTools.PowerShell.Tests.PlanFix;

internal static class PlanFixSession
{
    public const string ApiKey = "planfix-demo-key";
    public const string Token = "planfix-demo-token";
    public const string Password = "demo-password";

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null) =>
        Support.Emulator.StartAsync(o => { o.PlanFixRatePerSecond = 0; configure?.Invoke(o); });

    public static Dictionary<string, object> Vars(EmulatorServer server) => new()
    {
        ["key"] = ApiKey, ["token"] = Token, ["u"] = server.PlanFixBaseUri,
        ["cred"] = new System.Management.Automation.PSCredential("demo", Secure(Password)),
    };

    public static void ConnectPlanFix(this PowerShellSession session, EmulatorServer server)
    {
        var r = session.Run("Connect-PlanFix -Account demo -ApiKey $key -Token $token -BaseUri $u -RequestsPerSecond 50 -SkipCheck", Vars(server));
        if (r.Failure is not null || r.Errors.Count > 0) throw new InvalidOperationException("Connect-PlanFix failed: " + (r.Failure?.Message ?? r.Errors[0].ToString()));
    }

    private static System.Security.SecureString Secure(string text)
    {
        var s = new System.Security.SecureString();
        foreach (var c in text) s.AppendChar(c);
        return s;
    }
}

public sealed class PlanFixCmdletTests
{
    [Fact]
    public async Task Get_PlanFixTask_writes_typed_tasks_and_First_costs_one_request()
    {
        await using var server = await PlanFixSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectPlanFix(server);

        var all = session.Run("Get-PlanFixTask");
        Assert.Null(all.Failure);
        Assert.Equal(server.PlanFix.Tasks.Count, all.Output.Count);
        Assert.All(all.Output, o => Assert.Equal("ApiTools.PlanFix.Models.PlanFixTask", o.BaseObject.GetType().FullName));
        var before = server.Requests.Count(PlanFixRouteKeys.TaskGetList);

        var five = session.Run("Get-PlanFixTask -First 5 | Select-Object Id, Title, OwnerName");
        Assert.Equal(5, five.Output.Count);
        await server.Requests.WaitForIdleAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(before + 1, server.Requests.Count(PlanFixRouteKeys.TaskGetList));

        var csv = session.Run("Get-PlanFixTask -First 2 | ConvertTo-Csv -NoTypeInformation");
        Assert.Contains("ProjectTitle", csv.Output[0].ToString());
        var missing = session.Run("Get-PlanFixTask -Id 987654321, $id", new Dictionary<string, object> { ["id"] = server.PlanFix.Tasks[0].Id });
        Assert.Single(missing.Output);
        Assert.StartsWith("PlanFix.NotFound", Assert.Single(missing.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task Projects_pipe_into_tasks_and_tasks_into_actions()
    {
        await using var server = await PlanFixSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectPlanFix(server);
        var two = server.PlanFix.Projects.Take(2).Select(p => p.Id).ToHashSet();

        var tasks = session.Run("Get-PlanFixProject -First 2 | Get-PlanFixTask");
        Assert.Null(tasks.Failure);
        Assert.Equal(server.PlanFix.Tasks.Count(t => t.ProjectId is long p && two.Contains(p)), tasks.Output.Count);

        var actions = session.Run("Get-PlanFixTask -First 3 | Get-PlanFixAction");
        Assert.Null(actions.Failure);
        Assert.Equal(3, server.Requests.Count(PlanFixRouteKeys.Method("action.getList")));
        var firstThree = server.PlanFix.Tasks.Take(3).Sum(t => server.PlanFix.ActionsOf(t.Id).Count);
        Assert.Equal(firstThree, actions.Output.Count);
    }

    [Fact]
    public async Task WhatIf_sends_nothing_from_any_mutator()
    {
        await using var server = await PlanFixSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectPlanFix(server);
        var vars = new Dictionary<string, object> { ["id"] = server.PlanFix.Tasks[0].Id };

        foreach (var script in new[]
                 {
                     "New-PlanFixTask -Title 'x' -WhatIf",
                     "[pscustomobject]@{ Title = 'x' } | New-PlanFixTask -WhatIf",
                     "Set-PlanFixTask -Id $id -Status 3 -WhatIf",
                     "Add-PlanFixComment -TaskId $id -Text 'x' -WhatIf",
                 })
        {
            var r = session.Run(script, vars);
            Assert.Null(r.Failure);
            Assert.Empty(r.Output);
        }
        await server.Requests.WaitForIdleAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, server.Requests.Count(PlanFixRouteKeys.TaskAdd) + server.Requests.Count(PlanFixRouteKeys.Method("task.update"))
                        + server.Requests.Count(PlanFixRouteKeys.Method("action.add")));
    }

    [Fact]
    public async Task Invoke_PlanFixRequest_nested_parameters_all_and_raw()
    {
        await using var server = await PlanFixSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectPlanFix(server);
        var id = server.PlanFix.Tasks[0].Id;

        var one = session.Run("(Invoke-PlanFixRequest task.get -Parameters @{ task = @{ id = $id } }).task.title", new Dictionary<string, object> { ["id"] = id });
        Assert.Equal(server.PlanFix.Tasks[0].Title, one.Output.Single().ToString());

        var all = session.Run("Invoke-PlanFixRequest task.getList -All");
        Assert.Equal(server.PlanFix.Tasks.Count, all.Output.Count);

        var raw = session.Run("(Invoke-PlanFixRequest project.getList -Raw).response.projects.totalCount");
        Assert.Equal(server.PlanFix.Projects.Count.ToString(), raw.Output.Single().ToString());

        var body = session.Run("(Invoke-PlanFixRequest task.get -Body \"<task><id>$id</id></task>\").task.id", new Dictionary<string, object> { ["id"] = id });
        Assert.Equal(id.ToString(), body.Output.Single().ToString());
    }

    [Fact]
    public async Task The_PLANFIX_variables_serve_without_Connect_and_commands_share_one_login()
    {
        await using var server = await PlanFixSession.StartAsync();
        using var session = new PowerShellSession();
        var r = session.Run("""
            $env:PLANFIX_ACCOUNT = 'demo'; $env:PLANFIX_API_KEY = $key; $env:PLANFIX_LOGIN = 'demo'; $env:PLANFIX_PASSWORD = $pw
            $env:PLANFIX_BASE_URI = "$u"
            try { Get-PlanFixUser -First 2 -Verbose; Get-PlanFixProject -First 1 }
            finally { 'PLANFIX_ACCOUNT', 'PLANFIX_API_KEY', 'PLANFIX_LOGIN', 'PLANFIX_PASSWORD', 'PLANFIX_BASE_URI' | ForEach-Object { Remove-Item "env:$_" } }
            """, new Dictionary<string, object> { ["key"] = PlanFixSession.ApiKey, ["pw"] = PlanFixSession.Password, ["u"] = server.PlanFixBaseUri });

        Assert.Null(r.Failure);
        Assert.Equal(3, r.Output.Count);
        Assert.Contains(r.Verbose, v => v.Message.Contains("PLANFIX_"));
        // The connection the variables describe is kept: the second command reuses the first one's session.
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.AuthLogin));
    }

    [Fact]
    public async Task A_bad_parameter_the_client_refuses_is_a_PlanFix_error_not_a_bare_exception()
    {
        await using var server = await PlanFixSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectPlanFix(server);

        var r = session.Run("try { Invoke-PlanFixRequest -Method task.getList -Parameters @{ pageSize = 'x' } -All } catch { $_ }");

        var caught = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(r.Output).BaseObject);
        Assert.StartsWith("PlanFix.InvalidArgument,", caught.FullyQualifiedErrorId);
        Assert.Contains("pageSize", caught.Exception.Message);
        Assert.Equal(0, server.Requests.Count(PlanFixRouteKeys.TaskGetList));
    }

    [Fact]
    public async Task No_key_token_password_or_sid_in_any_stream_error_or_ToString()
    {
        await using var server = await PlanFixSession.StartAsync();
        using var session = new PowerShellSession();
        var vars = PlanFixSession.Vars(server);
        vars["bad"] = "planfix-wrong-token-3c9e";

        var runs = new List<PowerShellResult>
        {
            session.Run("""
                $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
                $c = Connect-PlanFix -Account demo -ApiKey $key -Credential $cred -BaseUri $u -RequestsPerSecond 50 -PassThru -Verbose
                Get-PlanFixTask -First 3 -Verbose | Get-PlanFixAction -Verbose
                $c; $c.ToString(); $c | Format-List * -Force | Out-String; $c | ConvertTo-Json -Depth 3
                Get-PlanFixTask -Id 987654321 -Verbose
                Invoke-PlanFixRequest task.getList -Parameters @{ pageSize = 2 } -Verbose
                Invoke-PlanFixRequest no.suchMethod -Verbose
                Get-PlanFixQuota | Format-List * | Out-String
                """, vars),
            session.Run("""
                Connect-PlanFix -Account demo -ApiKey $key -Token $bad -BaseUri $u -RequestsPerSecond 50
                try { Get-PlanFixProject -Verbose } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString(); $Error | Out-String }
                """, vars),
        };

        var text = runs.SelectMany(r => r.AllText()).ToList();
        Assert.Contains(text, t => t.Contains("PlanFix POST /task.getList"));
        Assert.Contains(text, t => t.Contains("0012"));
        Assert.NotEmpty(server.PlanFix.SidsIssued);
        foreach (var secret in server.PlanFix.SidsIssued.Concat(new[] { PlanFixSession.ApiKey, PlanFixSession.Token, PlanFixSession.Password, "planfix-wrong-token-3c9e" }))
            Assert.DoesNotContain(text, t => t.Contains(secret));
    }
}
