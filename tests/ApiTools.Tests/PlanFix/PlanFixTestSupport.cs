using ApiTools.Emulator;
using ApiTools.Http;
using ApiTools.PlanFix;

namespace ApiTools.Tests.PlanFix;

/// <summary>An emulator per test (its own port, so its own shared limiter) and PlanFix clients for it. The emulator's
/// pacing is off unless a test sets it; the client paces itself at 50/s so the suite runs in seconds.</summary>
internal static class PlanFixTest
{
    public const string ApiKey = "planfix-demo-key";
    public const string Token = "planfix-demo-token";
    public const string Login = "demo";
    public const string Password = "demo-password";
    public const string Account = "demo";

    public static readonly RetryOptions FastRetry = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { PlanFixRatePerSecond = 0 };
        configure?.Invoke(options);
        return EmulatorServer.StartAsync(options);
    }

    public static PlanFixOptions Options(double rate = 50, int dailyQuota = 5000, RetryOptions? retry = null) =>
        new() { RequestsPerSecond = rate, DailyQuota = dailyQuota, Retry = retry ?? FastRetry };

    public static PlanFixClient TokenClient(EmulatorServer server, IApiObserver? observer = null, PlanFixOptions? options = null,
        string apiKey = ApiKey, string token = Token, string account = Account) =>
        new(PlanFixConnection.WithToken(account, Secret.FromString(apiKey), Secret.FromString(token), server.PlanFixBaseUri, "test", options ?? Options()), observer);

    public static PlanFixClient LoginClient(EmulatorServer server, IApiObserver? observer = null, PlanFixOptions? options = null,
        string password = Password) =>
        new(PlanFixConnection.WithLogin(Account, Secret.FromString(ApiKey), Login, Secret.FromString(password), server.PlanFixBaseUri, "test", options ?? Options()), observer);

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
