using ApiTools.PowerShell.Tests.Support;
using static ApiTools.PowerShell.Tests.Support.Emulator;

namespace ApiTools.PowerShell.Tests.Evotor;

public class SecretTests
{
    private const string GoodToken = "evotor-good-secret-3b9f0c2a";
    private const string BadToken = "evotor-bad-secret-8e41d7c5";

    [Fact]
    public async Task The_token_appears_in_no_stream_no_error_and_no_ToString()
    {
        await using var server = await StartAsync(o => { o.EvotorTokens = new List<string> { GoodToken }; o.EvotorStores = 3; o.MaxPageSize = 2; });
        using var session = new PowerShellSession();
        var vars = new Dictionary<string, object> { ["good"] = GoodToken, ["bad"] = BadToken, ["u"] = server.EvotorBaseUri };

        var runs = new List<PowerShellResult>
        {
            session.Run("""
                $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
                $c = Connect-Evotor -Token $good -BaseUri $u -PassThru -Verbose
                $c; $c.ToString(); $c | Format-List * -Force | Out-String; $c | ConvertTo-Json -Depth 4
                ($c | Get-Member -Force | Out-String)
                Get-EvotorStore -Verbose -Debug
                Get-EvotorStore -Id 'missing' -Verbose
                Invoke-EvotorRequest GET stores -All -Verbose
                Invoke-EvotorRequest GET 'stores?limit=0' -Verbose
                Get-EvotorStore -Connection $c | Format-Table | Out-String
                """, vars),
            session.Run("""
                Connect-Evotor -Token $bad -BaseUri $u
                try { Get-EvotorStore -Verbose } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString(); $Error | Out-String }
                """, vars),
        };

        var text = runs.SelectMany(r => r.AllText()).ToList();
        Assert.Contains(text, t => t.Contains("Evotor GET /stores")); // the run did talk to the service
        Assert.Contains(text, t => t.Contains("Unauthorized") || t.Contains("401"));
        Assert.DoesNotContain(text, t => t.Contains(GoodToken));
        Assert.DoesNotContain(text, t => t.Contains(BadToken));
    }
}
