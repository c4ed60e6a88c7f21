using ApiTools.EnDocs;
using ApiTools.Emulator;
using ApiTools.Errors;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// Issue 19, cases 4 and 5: servers that echo the credentials they were sent, in every encoding a server could use
/// (as JSON writes it, every character \uXXXX or &amp;#xXX;, URL-encoded, base64, and the Basic header's own base64 of
/// key:token). Nothing a caller can see — the error and its causes, its code and violations, verbose lines, warnings,
/// waits — shows a secret in any form, and the error still says what happened.
/// </summary>
public sealed class EchoedSecretTests
{
    // Secrets with the characters encoders change: '+', '/', '='.
    private const string EvotorToken = "Ev0t+or/Secret=Token+2024";
    private const string EnDocsToken = "En+Docs/Tok3n=Secret+Value";
    private const string PlanFixKey = "pf+Key/Secret=001";
    private const string PlanFixToken = "pf+User/Tok3n=002";
    private const string PlanFixPassword = "pa+ss/w0rd=003";

    public static TheoryData<string> Encodings() => new(FaultRule.EchoEncodings);

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Evotor_never_shows_an_echoed_token(string encoding)
    {
        var (error, observer) = await EvotorStoresEchoingAsync(new FaultRule { Route = "GET /evotor/stores", Echo = encoding, Times = 100 });

        AssertNothingShows(error, observer, "Evotor", encoding, EvotorToken);
        Assert.Equal(ApiErrorKind.ValidationFailed, error.Kind);
        Assert.Contains("Evotor said:", error.Message);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Evotor_never_shows_a_token_echoed_in_a_5xx_retried_to_the_end(string encoding)
    {
        var (error, observer) = await EvotorStoresEchoingAsync(new FaultRule { Route = "GET /evotor/stores", Echo = encoding, Status = 503, Times = 100 });

        AssertNothingShows(error, observer, "Evotor", encoding + ", 503 retried", EvotorToken);
        Assert.Equal(3, Assert.IsType<ApiRetriesExhaustedException>(error).Attempts.Count);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task EnDocs_never_shows_an_echoed_token(string encoding)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EnDocsTokens = [EnDocsToken] });
        server.Faults.Enqueue(new FaultRule { Route = "GET /endocs/Output/GetClientInfo", Echo = encoding, Times = 100 });
        var observer = new RecordingObserver();
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString(EnDocsToken), server.EnDocsBaseUri, "test", HostileCase.Retry), observer);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetClientInfoAsync());

        AssertNothingShows(error, observer, "EnDocs", encoding, EnDocsToken);
        Assert.Contains("EnDocs said:", error.Message);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task PlanFix_never_shows_the_key_or_token_of_an_echoed_Basic_header(string encoding)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            PlanFixRatePerSecond = 0, PlanFixApiKeys = [PlanFixKey], PlanFixTokens = [PlanFixToken],
        });
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, Echo = encoding, Times = 100 });
        var observer = new RecordingObserver();
        var client = new PlanFixClient(PlanFixConnection.WithToken("demo", Secret.FromString(PlanFixKey), Secret.FromString(PlanFixToken),
            server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = 100, Retry = HostileCase.Retry }), observer);

        var error = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.GetTasksAsync().ToListAsync());

        AssertNothingShows(error, observer, "PlanFix", encoding, PlanFixKey, PlanFixToken, PlanFixKey + ":" + PlanFixToken);
        Assert.Equal("0016", error.ErrorCode);
        Assert.Contains("PlanFix said:", error.Message);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task PlanFix_never_shows_an_echoed_password_or_session_id(string encoding)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            PlanFixRatePerSecond = 0, PlanFixApiKeys = [PlanFixKey], PlanFixLogins = new Dictionary<string, string> { ["demo"] = PlanFixPassword },
        });
        // The login works; the next call, carrying the sid, is echoed. Then a login that is echoed (the password in its body).
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, Echo = encoding, Times = 100 });
        var observer = new RecordingObserver();
        var connection = PlanFixConnection.WithLogin("demo", Secret.FromString(PlanFixKey), "demo", Secret.FromString(PlanFixPassword),
            server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = 100, Retry = HostileCase.Retry });
        var client = new PlanFixClient(connection, observer);

        var sidEchoed = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.GetTasksAsync().ToListAsync());
        var sid = connection.Session.Current!.Reveal();
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.AuthLogin, Echo = encoding, Times = 100 });
        var fresh = new PlanFixClient(PlanFixConnection.WithLogin("demo", Secret.FromString(PlanFixKey), "demo", Secret.FromString(PlanFixPassword),
            server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = 100, Retry = HostileCase.Retry }), observer);
        var passwordEchoed = await Assert.ThrowsAnyAsync<ApiException>(async () => await fresh.GetTasksAsync().ToListAsync());

        AssertNothingShows(sidEchoed, observer, "PlanFix", encoding + ", sid", PlanFixKey, sid, PlanFixPassword);
        AssertNothingShows(passwordEchoed, observer, "PlanFix", encoding + ", password", PlanFixKey, sid, PlanFixPassword);
    }

    /// <summary>Get-EvotorStore's call against an emulator that knows only <see cref="EvotorToken"/> and applies <paramref name="rule"/>.</summary>
    private static async Task<(ApiException Error, RecordingObserver Observer)> EvotorStoresEchoingAsync(FaultRule rule)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorTokens = [EvotorToken] });
        server.Faults.Enqueue(rule);
        var observer = new RecordingObserver();
        var client = new EvotorClient(EvotorConnection.Create(Secret.FromString(EvotorToken), server.EvotorBaseUri, "test", HostileCase.Retry), observer);
        var error = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.GetStoresAsync().ToListAsync());
        return (error, observer);
    }

    /// <summary>Every text of the error (its causes, code, violations, ToString with stack) and of the observer.</summary>
    private static void AssertNothingShows(ApiException error, RecordingObserver observer, string service, string encoding, params string[] secrets)
    {
        var texts = new List<string> { error.ToString(), error.Message, error.ErrorCode ?? "" };
        for (var e = error.InnerException; e is not null; e = e.InnerException) texts.Add(e.Message);
        if (error is ApiValidationException invalid) texts.AddRange(invalid.Violations.Select(v => v.ToString()));
        if (error is ApiRetriesExhaustedException exhausted) texts.AddRange(exhausted.Attempts);
        texts.AddRange(observer.Calls.Select(c => c.ToString()));
        texts.AddRange(observer.Warnings);
        texts.AddRange(observer.Waits.Select(w => w.Reason));
        var found = secrets.Where(s => texts.Any(t => SecretSearch.Finds(t, s))).ToList();
        HostileCase.Report(service, "an error echoing the credentials", $"echoed {encoding}", secrets.Length, found.Count, 0,
            found.Count == 0 ? "no secret in any form: " + error.Message : "SECRET SHOWN");
        Assert.True(found.Count == 0, $"a secret shows ({encoding}): {error.Message}");
    }
}
