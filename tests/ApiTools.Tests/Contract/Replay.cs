using System.Net;
using ApiTools.EnDocs;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Contract;

/// <summary>Clients that get a published payload as the server's answer, through the transport seam (no emulator). A
/// listing's follow-up page (a published example often names a next cursor) is an empty last page.</summary>
public static class Replay
{
    private static int _keys;

    /// <summary>Every client gets a token of its own, so no two replays share a rate limiter.</summary>
    private static Secret NewToken() => Secret.FromString("replay-" + Interlocked.Increment(ref _keys));

    public static EvotorClient Evotor(string payload, RecordingObserver? observer = null, HttpStatusCode status = HttpStatusCode.OK) =>
        Evotor(new CannedAnswers().When(s => s.Query.Contains("cursor=", StringComparison.Ordinal), _ => CannedAnswers.Answer("""{"items":[],"paging":{}}"""))
            .When(_ => true, _ => CannedAnswers.Answer(payload, "application/json", status)), observer);

    /// <summary>A client whose answers come from <paramref name="answers"/>.</summary>
    public static EvotorClient Evotor(CannedAnswers answers, RecordingObserver? observer = null) =>
        new(EvotorConnection.Create(NewToken(), new Uri("https://api.evotor.test"), "replay", Support.Evotor.FastRetry), observer, answers);

    public static PlanFixClient PlanFix(string payload, RecordingObserver? observer = null) =>
        new(PlanFixConnection.WithToken("replay", Secret.FromString("replay-key"), NewToken(), new Uri("https://api.planfix.test/xml/"), "replay",
            new PlanFixOptions { RequestsPerSecond = 1000, Retry = Support.Evotor.FastRetry }), observer,
            new CannedAnswers().When(_ => true, _ => CannedAnswers.Answer(payload, "application/xml")));

    public static EnDocsClient EnDocs(string payload, RecordingObserver? observer = null, HttpStatusCode status = HttpStatusCode.OK) =>
        new(EnDocsConnection.Create(NewToken(), new Uri("https://api.endocs.test"), "replay", Support.Evotor.FastRetry), observer,
            new CannedAnswers().When(_ => true, _ => CannedAnswers.Answer(payload, "application/json", status)));
}
