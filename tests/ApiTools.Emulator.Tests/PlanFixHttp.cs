using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ApiTools.Emulator;

namespace ApiTools.Emulator.Tests;

/// <summary>Plain HttpClient plumbing for the PlanFix emulator tests: XML built with XElement, read with DTDs prohibited.</summary>
internal static class PlanFixHttp
{
    public const string Account = "demo", ApiKey = "planfix-demo-key", Token = "planfix-demo-token", Login = "demo", Password = "demo-password";

    /// <summary>A server with the 1 request/s limit off (tests that need it turn it on), after <paramref name="configure"/>.</summary>
    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { PlanFixRatePerSecond = 0 };
        configure?.Invoke(options);
        return EmulatorServer.StartAsync(options);
    }

    /// <summary>A client rooted at PlanFixBaseUri with <c>Basic base64(apiKey:secret)</c> (none when apiKey is null).</summary>
    public static HttpClient Client(EmulatorServer server, string? apiKey = ApiKey, string secret = Token)
    {
        var client = new HttpClient { BaseAddress = server.PlanFixBaseUri, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":" + secret)));
        return client;
    }

    /// <summary>A login-mode client (<c>apiKey:</c>, empty password).</summary>
    public static HttpClient LoginClient(EmulatorServer server) => Client(server, ApiKey, "");

    public static string Request(string method, IEnumerable<object> parameters, string? sid = null, string? account = Account)
    {
        var root = new XElement("request", new XAttribute("method", method));
        if (account is not null) root.Add(new XElement("account", account));
        if (sid is not null) root.Add(new XElement("sid", sid));
        root.Add(parameters);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Declaration + root.ToString(SaveOptions.DisableFormatting);
    }

    public static Task<Answer> CallAsync(HttpClient client, string method, params object[] parameters) =>
        PostRawAsync(client, Request(method, parameters));

    public static Task<Answer> CallWithSidAsync(HttpClient client, string sid, string method, params object[] parameters) =>
        PostRawAsync(client, Request(method, parameters, sid));

    public static async Task<Answer> PostRawAsync(HttpClient client, string body, string path = "")
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/xml");
        var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response, text, Parse(text));
    }

    /// <summary>Parses a response as a careful client does: DTDs prohibited, no resolver.</summary>
    public static XElement Parse(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XElement.Load(reader);
    }

    public static async Task<string> LoginAsync(HttpClient client, string login = Login, string password = Password)
    {
        var answer = await CallAsync(client, "auth.login", new XElement("login", login), new XElement("password", password));
        answer.AssertOk();
        return answer.Root.Element("sid")!.Value;
    }

    /// <summary>pageCurrent and pageSize as separate elements for a request.</summary>
    public static object[] PageParams(int page, int? size = null) =>
        size is null ? [new XElement("pageCurrent", page)] : [new XElement("pageCurrent", page), new XElement("pageSize", size)];

    public static XElement Id(string element, long id) => new(element, new XElement("id", id));

    public static readonly System.Text.RegularExpressions.Regex DateTimePattern = new(@"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$");
    public static readonly System.Text.RegularExpressions.Regex DatePattern = new(@"^\d{2}-\d{2}-\d{4}( \d{2}:\d{2})?$");

    internal sealed record Answer(HttpResponseMessage Response, string Body, XElement Root)
    {
        public string Status => Root.Attribute("status")?.Value ?? "";

        public string? Code => Root.Element("code")?.Value;

        public string Header(string name) => Response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

        public void AssertOk()
        {
            Assert.True(Response.StatusCode == System.Net.HttpStatusCode.OK && Status == "ok", $"{(int)Response.StatusCode} {Body}");
        }

        /// <summary>An API error: HTTP 200, status="error", this code and a message.</summary>
        public void AssertError(string code)
        {
            Assert.True(Response.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)Response.StatusCode} {Body}");
            Assert.Equal("error", Status);
            Assert.Equal(code, Code);
            Assert.False(string.IsNullOrWhiteSpace(Root.Element("message")?.Value));
        }

        /// <summary>The list element (tasks, projects…) after asserting ok and that count matches its items.</summary>
        public XElement List(string name)
        {
            AssertOk();
            var list = Root.Element(name)!;
            Assert.NotNull(list);
            Assert.Equal(list.Elements().Count(), int.Parse(list.Attribute("count")!.Value));
            return list;
        }
    }
}
