using ApiTools.PowerShell.Tests.Support;
using static ApiTools.PowerShell.Tests.Support.Emulator;

namespace ApiTools.PowerShell.Tests.Evotor;

/// <summary>Environment variables are process-wide: these tests run alone.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public class EnvironmentCollection { }

[Collection(nameof(EnvironmentCollection))]
public class ConnectionResolutionTests
{
    private const string TokenVariable = "EVOTOR_TOKEN";
    private const string BaseUriVariable = "EVOTOR_BASE_URI";

    private static IDisposable Env(string? token, string? baseUri)
    {
        var saved = (Environment.GetEnvironmentVariable(TokenVariable), Environment.GetEnvironmentVariable(BaseUriVariable));
        Environment.SetEnvironmentVariable(TokenVariable, token);
        Environment.SetEnvironmentVariable(BaseUriVariable, baseUri);
        return new Restore(() =>
        {
            Environment.SetEnvironmentVariable(TokenVariable, saved.Item1);
            Environment.SetEnvironmentVariable(BaseUriVariable, saved.Item2);
        });
    }

    private static System.Management.Automation.ErrorRecord CaughtError(PowerShellResult result) =>
        Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(result.Output).BaseObject);

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    [Fact]
    public async Task Without_Connect_the_environment_variables_serve_and_verbose_says_so()
    {
        await using var server = await StartAsync(o => o.EvotorStores = 4);
        using var _ = Env(Token, server.EvotorBaseUri.ToString());
        using var session = new PowerShellSession();

        var result = session.Run("Get-EvotorStore -Verbose");

        Assert.Null(result.Failure);
        Assert.Equal(4, result.Output.Select(PSObjectAssert.IsStore).Count());
        Assert.Contains(result.Verbose, v => v.Message.Contains("EVOTOR_TOKEN environment variable"));
    }

    [Fact]
    public async Task Connect_wins_over_the_environment_and_Connection_wins_over_both()
    {
        await using var envServer = await StartAsync(o => o.EvotorStores = 1);
        await using var connectServer = await StartAsync(o => o.EvotorStores = 2);
        await using var explicitServer = await StartAsync(o => o.EvotorStores = 3);
        using var _ = Env(Token, envServer.EvotorBaseUri.ToString());
        using var session = new PowerShellSession();
        session.Connect(connectServer);

        Assert.Equal(2, session.Run("Get-EvotorStore").Output.Count);
        var result = session.Run("$c = Connect-Evotor -Token $t -BaseUri $u -PassThru; Disconnect-Evotor; Connect-Evotor -Token $t -BaseUri $v; Get-EvotorStore -Connection $c",
            new Dictionary<string, object> { ["t"] = Token, ["u"] = explicitServer.EvotorBaseUri, ["v"] = connectServer.EvotorBaseUri });
        Assert.Equal(3, result.Output.Count);

        Assert.Single(session.Run("Disconnect-Evotor; Get-EvotorStore").Output);
    }

    [Fact]
    public async Task Connect_without_BaseUri_goes_where_EVOTOR_BASE_URI_points()
    {
        await using var server = await StartAsync(o => o.EvotorStores = 2);
        using var _ = Env(null, server.EvotorBaseUri.ToString());
        using var session = new PowerShellSession();

        var result = session.Run("Connect-Evotor -Token $t; Get-EvotorStore", new Dictionary<string, object> { ["t"] = Token });

        Assert.Null(result.Failure);
        Assert.Equal(2, result.Output.Select(PSObjectAssert.IsStore).Count());
    }

    [Fact]
    public async Task Connect_proves_the_token_with_one_request_for_one_store()
    {
        await using var server = await StartAsync(o => o.EvotorStores = 3);
        using var session = new PowerShellSession();

        var result = session.Run("Connect-Evotor -Token $t -BaseUri $u", new Dictionary<string, object> { ["t"] = Token, ["u"] = server.EvotorBaseUri });

        Assert.Null(result.Failure);
        Assert.Equal(1, server.Requests.Total);
        Assert.Equal(1, server.Requests.Count("GET /evotor/stores"));
    }

    [Fact]
    public async Task Connect_with_a_wrong_token_fails_naming_the_base_uri_and_the_session_keeps_its_connection()
    {
        await using var good = await StartAsync(o => o.EvotorStores = 2);
        await using var other = await StartAsync(o => o.EvotorStores = 1);
        using var session = new PowerShellSession();
        session.Connect(good);

        var failure = CaughtError(session.Run("try { Connect-Evotor -Token 'not-a-token-3e1' -BaseUri $u } catch { $_ }",
            new Dictionary<string, object> { ["u"] = other.EvotorBaseUri }));

        Assert.StartsWith("Evotor.Unauthorized,", failure.FullyQualifiedErrorId);
        Assert.Contains(other.EvotorBaseUri.ToString().TrimEnd('/'), failure.Exception.Message);
        Assert.DoesNotContain("not-a-token-3e1", failure.Exception.Message);
        Assert.Equal(2, session.Run("Get-EvotorStore").Output.Count); // still the good server's stores
    }

    [Fact]
    public async Task Connect_SkipCheck_sends_nothing()
    {
        await using var server = await StartAsync();
        using var session = new PowerShellSession();

        var result = session.Run("Connect-Evotor -Token 'any-token' -BaseUri $u -SkipCheck", new Dictionary<string, object> { ["u"] = server.EvotorBaseUri });

        Assert.Null(result.Failure);
        Assert.Equal(0, server.Requests.Total);
    }

    [Fact]
    public void With_no_connection_at_all_the_error_says_how_to_connect()
    {
        using var _ = Env(null, null);
        using var session = new PowerShellSession();

        var failure = CaughtError(session.Run("try { Get-EvotorStore } catch { $_ }"));

        Assert.StartsWith("Evotor.Configuration,", failure.FullyQualifiedErrorId);
        Assert.Contains("Connect-Evotor", failure.Exception.Message);
        Assert.Contains("EVOTOR_TOKEN", failure.Exception.Message);
    }

    [Fact]
    public void A_malformed_base_uri_variable_fails_instead_of_silently_using_the_real_service()
    {
        using var _ = Env(Token, "not a uri");
        using var session = new PowerShellSession();

        var failure = CaughtError(session.Run("try { Get-EvotorStore } catch { $_ }"));

        Assert.StartsWith("Evotor.Configuration,", failure.FullyQualifiedErrorId);
        Assert.Contains("EVOTOR_BASE_URI", failure.Exception.Message);
    }
}
