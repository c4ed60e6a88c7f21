using System.Text;
using ApiTools.Errors;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// Issue 19, case 3: a PlanFix answer nested 20,000 deep (about 140 KB, far under the 16 MB cap) used to overflow the
/// stack of whatever walked it and kill the process. It is now measured without recursion and refused as a
/// ProtocolError, once (the same bytes would come again), so nothing recurses over it.
/// </summary>
public sealed class DeepAnswerTests
{
    [Theory]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public async Task A_PlanFix_answer_nested_deeper_than_any_PlanFix_answer_is_refused_once(int depth)
    {
        var body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><response status=\"ok\">");
        for (var i = 0; i < depth; i++) body.Append("<a>");
        for (var i = 0; i < depth; i++) body.Append("</a>");
        body.Append("</response>");
        await using var server = new HostileServer((_, stream, ct) => HostileServer.AnswerAsync(stream, 200, "application/xml", body.ToString(), ct));
        var client = new PlanFixClient(PlanFixConnection.WithToken("demo", Secret.FromString("planfix-key-1"), Secret.FromString("planfix-token-1"),
            server.BaseUri("xml/"), "test", new PlanFixOptions { RequestsPerSecond = 100, Retry = HostileCase.Retry }));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.InvokeAsync("task.get", null));

        HostileCase.Report("PlanFix", "an answer nested too deep", $"{depth:N0} levels, {body.Length / 1024:N0} KB", 1, 0, server.Requests - 1, error.Message);
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("nested more than 64 levels", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_PlanFix_answer_as_deep_as_the_limit_is_read()
    {
        var body = new StringBuilder("<response status=\"ok\">");
        for (var i = 0; i < 63; i++) body.Append("<a>");
        body.Append("deep");
        for (var i = 0; i < 63; i++) body.Append("</a>");
        body.Append("</response>");
        await using var server = new HostileServer((_, stream, ct) => HostileServer.AnswerAsync(stream, 200, "application/xml", body.ToString(), ct));
        var client = new PlanFixClient(PlanFixConnection.WithToken("demo", Secret.FromString("planfix-key-1"), Secret.FromString("planfix-token-1"),
            server.BaseUri("xml/"), "test", new PlanFixOptions { RequestsPerSecond = 100, Retry = HostileCase.Retry }));

        var answer = await client.InvokeAsync("task.get", null);

        Assert.Equal("deep", answer.Value);
    }
}
