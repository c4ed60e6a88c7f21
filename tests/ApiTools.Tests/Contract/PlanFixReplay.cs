using System.Text.RegularExpressions;
using System.Xml.Linq;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Contract;

/// <summary>
/// PlanFix clients that get published payloads as the server's answers, through the transport seam: each answer is
/// chosen by the XML method the request names (a method without one gets an empty list of status sets, so reading a
/// task does not need the account's statuses). Also the repairs the reference's malformed templates need to be read at all.
/// </summary>
public static class PlanFixReplay
{
    private static readonly Regex MethodOf = new("method=\"([^\"]+)\"", RegexOptions.CultureInvariant);
    private static int _keys;

    public static (PlanFixClient Client, CannedAnswers Handler) With(RecordingObserver? observer, params (string Method, string Payload)[] answers) =>
        Make(observer, login: false, answers);

    public static (PlanFixClient Client, CannedAnswers Handler) WithLogin(RecordingObserver? observer, params (string Method, string Payload)[] answers) =>
        Make(observer, login: true, answers);

    private static (PlanFixClient, CannedAnswers) Make(RecordingObserver? observer, bool login, (string Method, string Payload)[] answers)
    {
        var handler = new CannedAnswers();
        foreach (var (method, payload) in answers)
            handler.When(s => Method(s) == method, _ => CannedAnswers.Answer(payload, "application/xml"));
        handler.When(s => Method(s) is "taskStatus.getSetList", _ => CannedAnswers.Answer("<response status=\"ok\"><taskStatusSets totalCount=\"0\"/></response>", "application/xml"));
        var key = Interlocked.Increment(ref _keys);
        var options = new PlanFixOptions { RequestsPerSecond = 1000, Retry = Support.Evotor.FastRetry };
        var uri = new Uri("https://api.planfix.test/xml/");
        var connection = login
            ? PlanFixConnection.WithLogin("replay", Secret.FromString("replay-key-" + key), "demo", Secret.FromString("replay-password"), uri, "replay", options)
            : PlanFixConnection.WithToken("replay", Secret.FromString("replay-key-" + key), Secret.FromString("replay-token"), uri, "replay", options);
        return (new PlanFixClient(connection, observer, handler), handler);
    }

    /// <summary>The XML method a recorded request names.</summary>
    public static string? Method(CannedAnswers.Sent sent) => sent.Body is { } body && MethodOf.Match(body) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The reference's contact and user skeletons leave <c>&lt;typeId&gt;</c> and <c>&lt;typeName&gt;</c> unclosed
    /// (<c>&lt;typeId&gt;&lt;typeId&gt;</c>): the same text with those two closed, so the rest of the shape can be read.</summary>
    public static string Repaired(string xmlish) =>
        Regex.Replace(xmlish, @"<(typeId|typeName)><\1>", "<$1></$1>");

    /// <summary>The items of a list answer (the children of its single list element), or the one object of a get answer.</summary>
    public static List<XElement> Items(string payload, string element)
    {
        var root = XElement.Parse(payload);
        return root.Descendants(element).Where(e => e.Parent == root || e.Parent?.Parent == root).ToList();
    }
}
