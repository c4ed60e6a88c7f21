using System.Net.Http.Headers;

namespace ApiTools.Http;

/// <summary>What every request says it is: <c>ApiTools/&lt;version&gt;</c>.</summary>
internal static class UserAgent
{
    public static readonly ProductInfoHeaderValue Value = new("ApiTools", typeof(UserAgent).Assembly.GetName().Version?.ToString(3) ?? "0");
}
