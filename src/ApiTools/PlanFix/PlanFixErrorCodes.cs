namespace ApiTools.PlanFix;

/// <summary>Every PlanFix API error code (the reference's table: four digits, and five for analitics, 10001–10004, and the
/// stream API, 11001) with its English meaning and the kind a caller decides on.
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
        ("1002", "no rights for this request", ApiErrorKind.Forbidden),
        ("2001", "project not found", ApiErrorKind.NotFound),
        ("2002", "no rights to the project", ApiErrorKind.Forbidden),
        ("2003", "the project could not be added", ApiErrorKind.ValidationFailed),
        ("3001", "task not found", ApiErrorKind.NotFound),
        ("3002", "no access to the parent task", ApiErrorKind.Forbidden),
        ("3003", "the project for the new task does not exist", ApiErrorKind.NotFound),
        ("3004", "the project is not accessible", ApiErrorKind.Forbidden),
        ("3005", "the task could not be added", ApiErrorKind.ValidationFailed),
        ("3006", "the start is later than the planned end", ApiErrorKind.ValidationFailed),
        ("3007", "the periodicity is undefined or conflicting", ApiErrorKind.ValidationFailed),
        ("3008", "no access to the task", ApiErrorKind.Forbidden),
        ("3009", "no right to change the task", ApiErrorKind.Forbidden),
        ("3010", "the task cannot be rejected", ApiErrorKind.ValidationFailed),
        ("3011", "the task cannot be accepted", ApiErrorKind.ValidationFailed),
        ("3012", "the caller is not a worker of the task", ApiErrorKind.Forbidden),
        ("3013", "the task is not accepted", ApiErrorKind.ValidationFailed),
        ("3014", "the task is being modified; retry later", ApiErrorKind.ServerError),
        ("4001", "no rights to add the action", ApiErrorKind.Forbidden),
        ("4002", "action not found", ApiErrorKind.NotFound),
        ("4003", "the action could not be added", ApiErrorKind.ValidationFailed),
        ("4004", "the action could not be updated", ApiErrorKind.ValidationFailed),
        ("4005", "the action could not be updated", ApiErrorKind.ValidationFailed),
        ("4006", "this status change is not allowed", ApiErrorKind.ValidationFailed),
        ("4007", "this action may not change the status", ApiErrorKind.ValidationFailed),
        ("4008", "no access to the comment or action", ApiErrorKind.Forbidden),
        ("4009", "no access to the task", ApiErrorKind.Forbidden),
        ("4010", "the analitic does not exist", ApiErrorKind.NotFound),
        ("4011", "not every field of the analitic was given", ApiErrorKind.ValidationFailed),
        ("4012", "the analitic has no such field", ApiErrorKind.ValidationFailed),
        ("4013", "an analitic value does not fit its field's type", ApiErrorKind.ValidationFailed),
        ("4014", "the handbook record cannot be used in an analitic", ApiErrorKind.ValidationFailed),
        ("4015", "the handbook record does not exist", ApiErrorKind.ValidationFailed),
        ("4016", "the field key is not of this analitic", ApiErrorKind.ValidationFailed),
        ("5001", "user group not found", ApiErrorKind.NotFound),
        ("5002", "no rights to the user group", ApiErrorKind.Forbidden),
        ("5003", "the user group could not be added", ApiErrorKind.ValidationFailed),
        ("6001", "no rights to the employee", ApiErrorKind.Forbidden),
        ("6002", "the e-mail is already used", ApiErrorKind.ValidationFailed),
        ("6003", "the employee could not be added", ApiErrorKind.ValidationFailed),
        ("6004", "user not found", ApiErrorKind.NotFound),
        ("6005", "the employee could not be updated", ApiErrorKind.ValidationFailed),
        ("6006", "user group not found", ApiErrorKind.NotFound),
        ("7001", "no rights to the client", ApiErrorKind.Forbidden),
        ("7002", "client not found", ApiErrorKind.NotFound),
        ("7003", "the client could not be added", ApiErrorKind.ValidationFailed),
        ("7004", "the client could not be updated", ApiErrorKind.ValidationFailed),
        ("8001", "no rights to the contact", ApiErrorKind.Forbidden),
        ("8002", "contact not found", ApiErrorKind.NotFound),
        ("8003", "the contact could not be added", ApiErrorKind.ValidationFailed),
        ("8004", "the contact could not be updated", ApiErrorKind.ValidationFailed),
        ("8005", "the contact has not activated PlanFix access", ApiErrorKind.ValidationFailed),
        ("8006", "the contact has no PlanFix access", ApiErrorKind.ValidationFailed),
        ("8007", "the contact's email is not unique", ApiErrorKind.ValidationFailed),
        ("8008", "a password for a contact without activated access", ApiErrorKind.ValidationFailed),
        ("8009", "the contact's sign-in data could not be updated", ApiErrorKind.ValidationFailed),
        ("8010", "the e-mail is not valid", ApiErrorKind.ValidationFailed),
        ("9001", "no rights to the file", ApiErrorKind.Forbidden),
        ("9002", "file not found", ApiErrorKind.NotFound),
        ("9003", "the file could not be uploaded", ApiErrorKind.ValidationFailed),
        ("9004", "the list of files is empty", ApiErrorKind.ValidationFailed),
        ("9005", "the file name holds a character PlanFix does not take", ApiErrorKind.ValidationFailed),
        ("9006", "duplicate file name", ApiErrorKind.ValidationFailed),
        ("9007", "file system error", ApiErrorKind.ServerError),
        ("9008", "a project file cannot be added to a project", ApiErrorKind.ValidationFailed),
        ("9009", "the file belongs to another project", ApiErrorKind.ValidationFailed),
        ("10001", "no rights to the analitic", ApiErrorKind.Forbidden),
        ("10002", "analitic not found", ApiErrorKind.NotFound),
        ("10003", "the analitic group does not exist", ApiErrorKind.NotFound),
        ("10004", "the analitic's handbook does not exist", ApiErrorKind.NotFound),
        ("11001", "the subscription does not exist", ApiErrorKind.NotFound),
        ("0000", "unknown error", ApiErrorKind.ProtocolError));

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
