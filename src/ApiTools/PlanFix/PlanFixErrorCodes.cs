namespace ApiTools.PlanFix;

/// <summary>Every PlanFix API error code (planfix.md's table) with its English meaning and the kind a caller decides on.
/// The one table: the mapper, the docs and the tests read it from here.</summary>
public static class PlanFixErrorCodes
{
    public sealed class Entry
    {
        internal Entry(string code, string meaning, ApiErrorKind kind)
        {
            Code = code;
            Meaning = meaning;
            Kind = kind;
        }

        public string Code { get; }
        public string Meaning { get; }
        public ApiErrorKind Kind { get; }
    }

    public const string SessionExpired = "0005";
    public const string DailyLimitExceeded = "0007";

    private static readonly Dictionary<string, Entry> Table = Build(
        ("0001", "invalid API key", ApiErrorKind.Unauthorized),
        ("0002", "the application is blocked", ApiErrorKind.Forbidden),
        ("0003", "the request XML could not be parsed", ApiErrorKind.ValidationFailed),
        ("0004", "unknown account", ApiErrorKind.Unauthorized),
        ("0005", "the session has expired", ApiErrorKind.Unauthorized),
        ("0006", "bad request signature", ApiErrorKind.ProtocolError),
        ("0007", "the daily request limit is exceeded", ApiErrorKind.QuotaExhausted),
        ("0008", "unknown API method", ApiErrorKind.ProtocolError),
        ("0009", "a required parameter is missing", ApiErrorKind.ValidationFailed),
        ("0010", "the account is frozen", ApiErrorKind.Forbidden),
        ("0011", "a platform update is in progress; retry later", ApiErrorKind.ServerError),
        ("0012", "no session, or the user token is unknown", ApiErrorKind.Unauthorized),
        ("0013", "unknown user", ApiErrorKind.NotFound),
        ("0014", "the user is inactive", ApiErrorKind.ProtocolError),
        ("0015", "invalid parameter value", ApiErrorKind.ValidationFailed),
        ("0016", "the value is not allowed here", ApiErrorKind.ValidationFailed),
        ("0017", "a dependent parameter is missing", ApiErrorKind.ValidationFailed),
        ("0018", "not implemented", ApiErrorKind.ProtocolError),
        ("0019", "conflicting parameters", ApiErrorKind.ValidationFailed),
        ("0020", "the call is forbidden", ApiErrorKind.Forbidden),
        ("0021", "the requested count is above the method's maximum", ApiErrorKind.ValidationFailed),
        ("0022", "the API is not available on the free plan", ApiErrorKind.Forbidden),
        ("0023", "not available on the current plan", ApiErrorKind.Forbidden),
        ("0024", "wrong data centre for this account", ApiErrorKind.Configuration),
        ("0101", "the object does not exist", ApiErrorKind.NotFound),
        ("0102", "the object could not be added", ApiErrorKind.ProtocolError),
        ("0103", "the object could not be updated", ApiErrorKind.ProtocolError),
        ("0104", "access denied", ApiErrorKind.Forbidden),
        ("0105", "no permission to edit", ApiErrorKind.Forbidden),
        ("1001", "wrong login or password", ApiErrorKind.Unauthorized),
        ("1002", "no rights", ApiErrorKind.Forbidden),
        ("2001", "project not found", ApiErrorKind.NotFound),
        ("3001", "task not found", ApiErrorKind.NotFound),
        ("3014", "the task is being modified; retry later", ApiErrorKind.ServerError),
        ("4002", "action not found", ApiErrorKind.NotFound),
        ("8002", "contact not found", ApiErrorKind.NotFound),
        ("8007", "the contact's email is not unique", ApiErrorKind.ValidationFailed),
        ("9006", "duplicate file name", ApiErrorKind.ValidationFailed));

    /// <summary>Every known code, in table order.</summary>
    public static IEnumerable<Entry> All => Table.Values;

    /// <summary>The entry for <paramref name="code"/>, or an "unknown code" entry (ProtocolError).</summary>
    public static Entry Lookup(string? code) =>
        code is not null && Table.TryGetValue(code, out var entry) ? entry : new Entry(code ?? "", "unknown error code", ApiErrorKind.ProtocolError);

    /// <summary>0011 and 3014: PlanFix refused before acting and asks to try again.</summary>
    public static bool IsRetryable(string? code) => code is "0011" or "3014";

    private static Dictionary<string, Entry> Build(params (string Code, string Meaning, ApiErrorKind Kind)[] rows)
    {
        var table = new Dictionary<string, Entry>(System.StringComparer.Ordinal);
        foreach (var (code, meaning, kind) in rows) table.Add(code, new Entry(code, meaning, kind));
        return table;
    }
}
