using System.Globalization;

namespace ApiTools.Emulator;

/// <summary>Parses the emulator's switches into options; any mistake is reported, never guessed around.</summary>
internal sealed class CommandLine
{
    public const string Usage = """
        Usage: dotnet ApiTools.Emulator.dll [--urls http://127.0.0.1:5000] [options]
          --urls URL                      where to listen (port 0 = a free port; default http://127.0.0.1:5000)
          --seed N                        seed of the generated data (default 42)
          --evotor-stores N               seeded Evotor stores (default 5)
          --evotor-products-per-store N   seeded products per store (default 25)
          --evotor-product-groups-per-store N  seeded product groups per store (default 4)
          --evotor-devices-per-store N    seeded smart terminals per store (default 2)
          --evotor-employees N            seeded employees (default 6)
          --evotor-documents-per-store N  seeded documents per store, last ~30 days (default 40)
          --evotor-bulk-tasks N           seeded historical bulk tasks (default 3)
          --max-page-size N               largest and default page size (default 1000)
          --evotor-tokens a,b             accepted Evotor tokens (default evotor-demo-token,evotor-demo-token-2)
          --evotor-rate-limit N           Evotor requests per window per token, 0 = off (default 0)
          --evotor-rate-window-ms N       Evotor rate window in milliseconds (default 1000)
          --latency-ms N                  delay before each service answer (default 0)
          --evotor-bulk-duration-ms N     time a bulk task takes: ACCEPTED, RUNNING, then done (default 2000)
          --unknown-fields                add fields the contract does not name
          --endocs-contracts N            seeded EnDocs contracts (default 30)
          --endocs-invoices N             seeded EnDocs incoming invoices (default 40)
          --endocs-inputs N               seeded EnDocs receipts of goods (default 40)
          --endocs-non-form N             seeded EnDocs non-form documents (default 20)
          --endocs-contractors N          seeded EnDocs contractors (default 12)
          --endocs-organizations N        the EnDocs account's organisations (default 2)
          --endocs-users N                users of the EnDocs account (default 5)
          --endocs-tokens a,b             accepted EnDocs tokens (default endocs-demo-token,endocs-demo-token-2)
          --endocs-rate-limit N           EnDocs requests per window per token, 0 = off (default 300)
          --endocs-rate-window-ms N       EnDocs rate window in milliseconds (default 60000)
          --endocs-sync-off               EnDocs lists answer {"key":0,"value":null}
          --planfix-account NAME          the PlanFix account requests must name (default demo)
          --planfix-api-keys a,b          accepted PlanFix API keys (default planfix-demo-key)
          --planfix-tokens a,b            accepted PlanFix user tokens (default planfix-demo-token,planfix-demo-token-2)
          --planfix-logins l:p,l2:p2      PlanFix logins for auth.login (default demo:demo-password)
          --planfix-sid-ttl-seconds N     how long a PlanFix sid lives (default 3600)
          --planfix-rate-per-second X     PlanFix requests per second per account and key, 0 = off (default 1)
          --planfix-daily-quota N         PlanFix requests per account per day, then error 0007 (default 5000)
          --planfix-time-zone ZONE        time zone of PlanFix dates: an id or an offset such as +03:00 (default +03:00)
          --planfix-tasks N               seeded PlanFix tasks (default 250)
          --planfix-projects N            seeded PlanFix projects (default 10)
          --planfix-contacts N            seeded PlanFix contacts (default 40)
          --planfix-users N               seeded PlanFix users, at least 1 (default 8)
          --fault JSON                    queue a fault rule at start, as POST /_emulator/faults takes it; repeatable
                                          (e.g. --fault '{"route":"GET /evotor/stores","status":503,"probability":0.1,"times":1000}')
          --fault-seed N                  seed of the draws for faults with a probability (default 1)
          --help                          show this text
        Prints "ApiTools emulator listening on <url>" once ready; stops on Ctrl+C or SIGTERM.
        """;

    public EmulatorOptions Options { get; } = new();
    public string Urls { get; private set; } = "http://127.0.0.1:5000";
    public bool Help { get; private set; }

    /// <summary>Throws <see cref="FormatException"/> with a message fit for the user.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        var o = result.Options;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0) (arg, inline) = (arg[..eq], arg[(eq + 1)..]);

            string Value()
            {
                if (inline is not null) return inline;
                if (i + 1 >= args.Count) throw new FormatException($"{arg} needs a value");
                return args[++i];
            }
            int Number(int min)
            {
                var text = Value();
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min)
                    throw new FormatException($"{arg} needs a whole number of at least {min}, not '{text}'");
                return n;
            }

            switch (arg)
            {
                case "--urls": result.Urls = Value(); break;
                case "--seed": o.Seed = Number(int.MinValue); break;
                case "--evotor-stores": o.EvotorStores = Number(0); break;
                case "--evotor-products-per-store": o.EvotorProductsPerStore = Number(0); break;
                case "--evotor-product-groups-per-store": o.EvotorProductGroupsPerStore = Number(0); break;
                case "--evotor-devices-per-store": o.EvotorDevicesPerStore = Number(0); break;
                case "--evotor-employees": o.EvotorEmployees = Number(0); break;
                case "--evotor-documents-per-store": o.EvotorDocumentsPerStore = Number(0); break;
                case "--evotor-bulk-tasks": o.EvotorBulkTasks = Number(0); break;
                case "--max-page-size": o.MaxPageSize = Number(1); break;
                case "--evotor-tokens":
                    var tokens = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (tokens.Length == 0) throw new FormatException("--evotor-tokens needs at least one token");
                    o.EvotorTokens = tokens;
                    break;
                case "--evotor-rate-limit": o.EvotorRateLimit = Number(0); break;
                case "--evotor-rate-window-ms": o.EvotorRateWindow = TimeSpan.FromMilliseconds(Number(1)); break;
                case "--latency-ms": o.Latency = TimeSpan.FromMilliseconds(Number(0)); break;
                case "--evotor-bulk-duration-ms": o.EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(Number(0)); break;
                case "--unknown-fields":
                    if (inline is not null) throw new FormatException("--unknown-fields takes no value");
                    o.UnknownFields = true;
                    break;
                case "--endocs-contracts": o.EnDocsContracts = Number(0); break;
                case "--endocs-invoices": o.EnDocsInvoices = Number(0); break;
                case "--endocs-inputs": o.EnDocsInputs = Number(0); break;
                case "--endocs-non-form": o.EnDocsNonForm = Number(0); break;
                case "--endocs-contractors": o.EnDocsContractors = Number(0); break;
                case "--endocs-organizations": o.EnDocsOrganizations = Number(0); break;
                case "--endocs-users": o.EnDocsUsers = Number(0); break;
                case "--endocs-tokens":
                    var enDocsTokens = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (enDocsTokens.Length == 0) throw new FormatException("--endocs-tokens needs at least one token");
                    o.EnDocsTokens = enDocsTokens;
                    break;
                case "--endocs-rate-limit": o.EnDocsRateLimit = Number(0); break;
                case "--endocs-rate-window-ms": o.EnDocsRateWindow = TimeSpan.FromMilliseconds(Number(1)); break;
                case "--endocs-sync-off":
                    if (inline is not null) throw new FormatException("--endocs-sync-off takes no value");
                    o.EnDocsSyncOff = true;
                    break;
                case "--planfix-account": o.PlanFixAccount = Value(); break;
                case "--planfix-api-keys":
                    var apiKeys = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (apiKeys.Length == 0) throw new FormatException("--planfix-api-keys needs at least one key");
                    o.PlanFixApiKeys = apiKeys;
                    break;
                case "--planfix-tokens":
                    o.PlanFixTokens = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    break;
                case "--planfix-logins":
                    var logins = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var pair in Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        var colon = pair.IndexOf(':');
                        if (colon <= 0) throw new FormatException($"--planfix-logins needs login:password pairs, not '{pair}'");
                        logins[pair[..colon]] = pair[(colon + 1)..];
                    }
                    o.PlanFixLogins = logins;
                    break;
                case "--planfix-sid-ttl-seconds": o.PlanFixSidTtl = TimeSpan.FromSeconds(Number(1)); break;
                case "--planfix-rate-per-second":
                    var rateText = Value();
                    if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !double.IsFinite(rate) || rate < 0)
                        throw new FormatException($"{arg} needs a number of at least 0, not '{rateText}'");
                    o.PlanFixRatePerSecond = rate;
                    break;
                case "--planfix-daily-quota": o.PlanFixDailyQuota = Number(0); break;
                case "--planfix-time-zone": o.PlanFixTimeZone = TimeZone(Value()); break;
                case "--planfix-tasks": o.PlanFixTasks = Number(0); break;
                case "--planfix-projects": o.PlanFixProjects = Number(0); break;
                case "--planfix-contacts": o.PlanFixContacts = Number(0); break;
                case "--planfix-users": o.PlanFixUsers = Number(1); break;
                case "--fault":
                    var faultText = Value();
                    try
                    {
                        o.Faults.Add(Control.ControlEndpoints.ParseFault(faultText));
                    }
                    catch (ArgumentException e)
                    {
                        throw new FormatException($"--fault needs a fault rule as JSON ({e.Message}), not '{faultText}'");
                    }
                    break;
                case "--fault-seed": o.FaultSeed = Number(int.MinValue); break;
                case "--help" or "-h" or "-?": result.Help = true; break;
                default: throw new FormatException($"unknown argument '{args[i]}'");
            }
        }
        return result;
    }

    /// <summary>"+03:00", "-05:30", "UTC" or a system time zone id ("Europe/Moscow").</summary>
    private static TimeZoneInfo TimeZone(string text)
    {
        var offsetText = text.StartsWith('+') ? text[1..] : text;
        if (TimeSpan.TryParseExact(offsetText, [@"hh\:mm", @"\-hh\:mm"], CultureInfo.InvariantCulture, out var offset))
        {
            if (text.StartsWith('-')) offset = -offset;
            var name = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"--planfix-time-zone needs an offset such as +03:00 or a time zone id, not '{text}'");
        }
    }
}
