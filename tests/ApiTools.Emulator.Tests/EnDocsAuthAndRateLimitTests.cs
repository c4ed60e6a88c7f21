using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EnDocsHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EnDocsAuthAndRateLimitTests
{
    [Fact]
    public async Task No_authorization_header_is_a_plain_text_400_err_80()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server, bearer: null);

        var (response, body, _) = await GetAsync(client, "endocs/Output/GetClientInfo");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No Authorization header ( #err-80)", body);
    }

    [Theory]
    [InlineData("endocs-demo-token")]   // the bare token, no scheme
    [InlineData("Basic endocs-demo-token")]
    [InlineData("Bearer ")]
    [InlineData("bearer endocs-demo-token")] // the backend compares the prefix exactly
    public async Task A_header_without_the_exact_bearer_prefix_is_400_err_30(string header)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server, bearer: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var (response, body, _) = await GetAsync(client, "endocs/Output/GetClientInfo");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No token received ( #err-30)", Error(response, body));
    }

    [Fact]
    public async Task An_unknown_token_is_401_err_40_a_JSON_string_when_JSON_is_accepted()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server, "not-a-token");
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var (response, body, _) = await GetAsync(client, "endocs/api/Output/GetClientInfo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"Could not find any client for this token ( #err-40)\"", body);
    }

    [Fact]
    public async Task Both_prefixes_answer_and_count_under_one_route_key()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server, "endocs-demo-token-2");

        var (plain, _, info) = await GetAsync(client, "endocs/Output/GetClientInfo");
        var (api, _, infoApi) = await GetAsync(client, "endocs/api/Output/GetClientInfo");
        var (users, _, list) = await GetAsync(client, "endocs/api/Output/GetClientUsers");
        var (unknown, _, _) = await GetAsync(client, "endocs/Output/NoSuchAction");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(info.GetRawText(), infoApi.GetRawText());
        Assert.Equal(1, info.GetProperty("id").GetInt64());
        Assert.Equal("ООО Ромашка", info.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("token").ValueKind); // the backend's client object: never the token
        Assert.Equal(10, info.GetProperty("usersQuota").GetInt32());
        Assert.Equal(JsonValueKind.False, info.GetProperty("blocked").ValueKind);
        Assert.Equal("7701234567", info.GetProperty("inn").GetString());
        Assert.Equal("770101001", info.GetProperty("kpp").GetString());
        Assert.Equal(2, server.Requests.Count(EnDocsRouteKeys.ClientInfo));
        Assert.Equal(1, server.Requests.Count(EnDocsRouteKeys.ClientUsers));
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(server.EnDocs.Users.Count, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), u =>
        {
            Assert.True(u.GetProperty("blocked").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.Equal(u.GetProperty("email").GetString(), u.GetProperty("userName").GetString());
            Assert.False(string.IsNullOrEmpty(u.GetProperty("displayName").GetString()));
            Assert.Equal(u.GetProperty("id").GetString(), u.GetProperty("buttonDTO").GetProperty("userId").GetString());
        });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("http://127.0.0.1:" + server.Address.Port + "/endocs", server.EnDocsBaseUri.ToString().TrimEnd('/'));
    }

    [Fact]
    public async Task Rate_limit_is_per_token_and_answers_429_with_retry_after()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EnDocsRateLimit = 3 });
        using var client = Client(server);
        using var anonymous = Client(server, bearer: null);
        using var other = Client(server, "endocs-demo-token-2");

        await GetAsync(anonymous, "endocs/Output/GetClientInfo"); // a 401 is not counted
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, i % 2 == 0 ? "endocs/Output/GetClientInfo" : "endocs/api/Output/GetClientUsers")).Response.StatusCode);
        var (limited, limitedBody, _) = await GetAsync(client, "endocs/Output/GetClientInfo");
        var (otherToken, _, _) = await GetAsync(other, "endocs/Output/GetClientInfo");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("Too Many Requests", Error(limited, limitedBody));
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode);
    }

    [Fact]
    public async Task Default_limit_is_300_per_minute_and_live_settings_change_it()
    {
        await using var server = await EmulatorServer.StartAsync();
        Assert.Equal(300, server.Settings.EnDocsRateLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), server.Settings.EnDocsRateWindow);
        using var client = Client(server);
        using var control = new HttpClient { BaseAddress = server.Address };

        var set = await control.PostAsync("_emulator/settings",
            new StringContent("""{"enDocsRateLimit":1,"enDocsRateWindowMs":60000}""", System.Text.Encoding.UTF8, "application/json"));
        var first = await GetAsync(client, "endocs/Output/GetClientInfo");
        var second = await GetAsync(client, "endocs/Output/GetClientInfo");
        server.Reset();
        var afterReset = await GetAsync(client, "endocs/Output/GetClientInfo");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal((HttpStatusCode)429, second.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterReset.Response.StatusCode);
        Assert.Equal(300, server.Settings.EnDocsRateLimit);
    }

    [Fact]
    public async Task Status_faults_apply_to_both_prefixes_in_endocs_shape()
    {
        await using var server = await EmulatorServer.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = EnDocsRouteKeys.ClientInfo, Status = 503, Times = 2, RetryAfterSeconds = 2 });
        using var client = Client(server);

        var (a, aBody, _) = await GetAsync(client, "endocs/Output/GetClientInfo");
        var (b, _, _) = await GetAsync(client, "endocs/api/Output/GetClientInfo");
        var (c, _, _) = await GetAsync(client, "endocs/api/Output/GetClientInfo");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode);
        Assert.Contains("503", Error(a, aBody));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, b.StatusCode);
        Assert.Equal(HttpStatusCode.OK, c.StatusCode);
    }
}
