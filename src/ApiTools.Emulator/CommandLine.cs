using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace ApiTools.Emulator;

/// <summary>
/// Parses the emulator's switches into options; any mistake is reported, never guessed around. Each switch is
/// one row of <see cref="Switches"/>: the usage text is made from the rows, with each option's default read
/// from a fresh <see cref="EmulatorOptions"/>, so the help cannot drift from the parser or the defaults.
/// </summary>
internal sealed class CommandLine
{
    private const string DefaultUrls = "http://127.0.0.1:5000";

    private static readonly Switch[] Switches =
    [
        new("--urls", "URL", $"where to listen (port 0 = a free port; default {DefaultUrls})", (line, arg) => line.Urls = arg.Value()),
        Whole("--seed", "seed of the generated data", o => o.Seed, min: int.MinValue),
        Whole("--evotor-stores", "seeded Evotor stores", o => o.EvotorStores),
        Whole("--evotor-products-per-store", "seeded products per store", o => o.EvotorProductsPerStore),
        Whole("--evotor-product-groups-per-store", "seeded product groups per store", o => o.EvotorProductGroupsPerStore),
        Whole("--evotor-devices-per-store", "seeded smart terminals per store", o => o.EvotorDevicesPerStore),
        Whole("--evotor-employees", "seeded employees", o => o.EvotorEmployees),
        Whole("--evotor-documents-per-store", "seeded documents per store, last ~30 days", o => o.EvotorDocumentsPerStore),
        Whole("--evotor-bulk-tasks", "seeded historical bulk tasks", o => o.EvotorBulkTasks),
        Whole("--max-page-size", "largest and default page size", o => o.MaxPageSize, min: 1),
        Names("--evotor-tokens", "accepted Evotor tokens", o => o.EvotorTokens, "token"),
        Whole("--evotor-rate-limit", "Evotor requests per window per token, 0 = off", o => o.EvotorRateLimit),
        Milliseconds("--evotor-rate-window-ms", "Evotor rate window in milliseconds", o => o.EvotorRateWindow, min: 1),
        Milliseconds("--latency-ms", "delay before each service answer", o => o.Latency),
        Milliseconds("--evotor-bulk-duration-ms", "time a bulk task takes: ACCEPTED, RUNNING, then done", o => o.EvotorBulkTaskDuration),
        Flag("--unknown-fields", "add fields the contract does not name", o => o.UnknownFields),
        Choice("--evotor-shapes", "Service: as the service sends; Documentation: as Evotor's docs print (wrapped receipt parts, stores as objects)", o => o.EvotorShapes),
        Choice("--evotor-write-answer", "successful writes: Body (200 + item), Created (201 + Location), NoContent (204), Empty (200, no body)", o => o.EvotorWriteAnswer),
        Choice("--evotor-image-answer", "GET of one image: Bytes (the PNG) or Metadata (JSON with a url on another host name)", o => o.EvotorImageAnswer),
        Whole("--endocs-contracts", "seeded EnDocs contracts", o => o.EnDocsContracts),
        Whole("--endocs-invoices", "seeded EnDocs incoming invoices", o => o.EnDocsInvoices),
        Whole("--endocs-inputs", "seeded EnDocs receipts of goods", o => o.EnDocsInputs),
        Whole("--endocs-non-form", "seeded EnDocs non-form documents", o => o.EnDocsNonForm),
        Whole("--endocs-contractors", "seeded EnDocs contractors", o => o.EnDocsContractors),
        Whole("--endocs-organizations", "the EnDocs account's organisations", o => o.EnDocsOrganizations),
        Whole("--endocs-users", "users of the EnDocs account", o => o.EnDocsUsers),
        Names("--endocs-tokens", "accepted EnDocs tokens", o => o.EnDocsTokens, "token"),
        Whole("--endocs-rate-limit", "EnDocs requests per window per token, 0 = off", o => o.EnDocsRateLimit),
        Milliseconds("--endocs-rate-window-ms", "EnDocs rate window in milliseconds", o => o.EnDocsRateWindow, min: 1),
        Flag("--endocs-sync-off", """EnDocs lists answer {"key":0,"value":null}""", o => o.EnDocsSyncOff),
        Option("--planfix-account", "NAME", "the PlanFix account requests must name", o => o.PlanFixAccount, arg => arg.Value(), name => name),
        Names("--planfix-api-keys", "accepted PlanFix API keys", o => o.PlanFixApiKeys, "key"),
        Names("--planfix-tokens", "accepted PlanFix user tokens", o => o.PlanFixTokens, itemName: null),
        Option("--planfix-logins", "l:p,l2:p2", "PlanFix logins for auth.login", o => o.PlanFixLogins, arg => arg.Logins(),
            logins => string.Join(",", logins.Select(l => $"{l.Key}:{l.Value}"))),
        Option("--planfix-sid-ttl-seconds", "N", "how long a PlanFix sid lives", o => o.PlanFixSidTtl,
            arg => TimeSpan.FromSeconds(arg.Whole(1)), ttl => Text((long)ttl.TotalSeconds)),
        Option("--planfix-rate-per-second", "X", "PlanFix requests per second per account and key, 0 = off", o => o.PlanFixRatePerSecond,
            arg => arg.Rate(), Text),
        Whole("--planfix-daily-quota", "PlanFix requests per account per day, then error 0007", o => o.PlanFixDailyQuota),
        Milliseconds("--planfix-quota-header-refresh-ms", "how often X-RateLimit-Remaining is brought up to date, 0 = every answer",
            o => o.PlanFixQuotaHeaderRefresh),
        Option("--planfix-time-zone", "ZONE", "time zone of PlanFix dates: an id or an offset such as +03:00", o => o.PlanFixTimeZone,
            arg => arg.TimeZone(), zone => Offset(zone.BaseUtcOffset)),
        Whole("--planfix-tasks", "seeded PlanFix tasks", o => o.PlanFixTasks),
        Whole("--planfix-projects", "seeded PlanFix projects", o => o.PlanFixProjects),
        Whole("--planfix-contacts", "seeded PlanFix contacts", o => o.PlanFixContacts),
        Whole("--planfix-users", "seeded PlanFix users, at least 1", o => o.PlanFixUsers, min: 1),
        new("--fault", "JSON", """
            queue a fault rule at start, as POST /_emulator/faults takes it; repeatable
            (e.g. --fault '{"route":"GET /evotor/stores","status":503,"probability":0.1,"times":1000}')
            """, (line, arg) => line.Options.Faults.Add(arg.Fault())),
        Whole("--fault-seed", "seed of the draws for faults with a probability", o => o.FaultSeed, min: int.MinValue),
        new("--help", "", "show this text", (line, _) => line.Help = true),
    ];

    private static readonly Dictionary<string, Switch> ByName = Switches.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static string Usage { get; } = MakeUsage();

    public EmulatorOptions Options { get; } = new();
    public string Urls { get; private set; } = DefaultUrls;
    public bool Help { get; private set; }

    /// <summary>Throws <see cref="FormatException"/> with a message fit for the user.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? inline = null;
            var eq = name.IndexOf('=');
            if (name.StartsWith("--", StringComparison.Ordinal) && eq > 0) (name, inline) = (name[..eq], name[(eq + 1)..]);
            if (name is "-h" or "-?") name = "--help";
            if (!ByName.TryGetValue(name, out var option)) throw new FormatException($"unknown argument '{args[i]}'");
            var arg = new Arg(name, inline, args, i);
            option.Apply(result, arg);
            i = arg.Index;
        }
        return result;
    }

    private static string MakeUsage()
    {
        const int column = 34;
        var lines = new List<string> { $"Usage: dotnet ApiTools.Emulator.dll [--urls {DefaultUrls}] [options]" };
        foreach (var s in Switches)
        {
            var left = "  " + s.Name + (s.Value.Length > 0 ? " " + s.Value : "");
            left = left.Length <= column - 2 ? left.PadRight(column) : left + "  ";
            var help = s.Help.ReplaceLineEndings(Environment.NewLine + new string(' ', column));
            lines.Add(left + help + (s.Default is null ? "" : $" (default {s.Default})"));
        }
        lines.Add("""Prints "ApiTools emulator listening on <url>" once ready; stops on Ctrl+C or SIGTERM.""");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// A switch: how its value looks in the usage (empty for a flag), what it does, and the default the usage
    /// shows (null: none shown).
    /// </summary>
    private sealed record Switch(string Name, string Value, string Help, Action<CommandLine, Arg> Apply, string? Default = null);

    /// <summary>
    /// A switch that sets the option <paramref name="property"/> names (<c>o => o.Seed</c>) to what
    /// <paramref name="read"/> makes of its value; the usage shows the option's default through <paramref name="show"/>.
    /// </summary>
    private static Switch Option<T>(string name, string value, string help, Expression<Func<EmulatorOptions, T>> property,
        Func<Arg, T> read, Func<T, string>? show)
    {
        var option = (PropertyInfo)((MemberExpression)property.Body).Member;
        var shown = show?.Invoke((T)option.GetValue(new EmulatorOptions())!);
        return new(name, value, help, (line, arg) => option.SetValue(line.Options, read(arg)), shown);
    }

    private static Switch Whole(string name, string help, Expression<Func<EmulatorOptions, int>> property, int min = 0) =>
        Option(name, "N", help, property, arg => arg.Whole(min), Text);

    private static Switch Milliseconds(string name, string help, Expression<Func<EmulatorOptions, TimeSpan>> property, int min = 0) =>
        Option(name, "N", help, property, arg => TimeSpan.FromMilliseconds(arg.Whole(min)), t => Text((long)t.TotalMilliseconds));

    /// <summary>A comma-separated list; with <paramref name="itemName"/>, at least one item is needed.</summary>
    private static Switch Names(string name, string help, Expression<Func<EmulatorOptions, IList<string>>> property, string? itemName) =>
        Option(name, "a,b", help, property, arg => arg.Names(itemName), names => string.Join(",", names));

    /// <summary>One name of an enum (any case).</summary>
    private static Switch Choice<T>(string name, string help, Expression<Func<EmulatorOptions, T>> property) where T : struct, Enum =>
        Option(name, string.Join("|", Enum.GetNames<T>()), help, property, arg => arg.Choice<T>(), value => value.ToString());

    private static Switch Flag(string name, string help, Expression<Func<EmulatorOptions, bool>> property) =>
        Option(name, "", help, property, arg => arg.Flag(), show: null);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Text(double x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A switch's value: after '=' in the same argument, else the next argument (<see cref="Index"/> moves past it).</summary>
    private sealed class Arg(string name, string? inline, IReadOnlyList<string> args, int index)
    {
        public int Index { get; private set; } = index;

        public string Value()
        {
            if (inline is not null) return inline;
            if (Index + 1 >= args.Count) throw new FormatException($"{name} needs a value");
            return args[++Index];
        }

        public bool Flag() => inline is null ? true : throw new FormatException($"{name} takes no value");

        public T Choice<T>() where T : struct, Enum
        {
            var text = Value();
            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text.Trim().FirstOrDefault()))
                return value;
            throw new FormatException($"{name} needs one of {string.Join(", ", Enum.GetNames<T>())}, not '{text}'");
        }

        public int Whole(int min)
        {
            var text = Value();
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min)
                throw new FormatException($"{name} needs a whole number of at least {min}, not '{text}'");
            return n;
        }

        public double Rate()
        {
            var text = Value();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !double.IsFinite(rate) || rate < 0)
                throw new FormatException($"{name} needs a number of at least 0, not '{text}'");
            return rate;
        }

        public IList<string> Names(string? itemName)
        {
            var names = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0 && itemName is not null) throw new FormatException($"{name} needs at least one {itemName}");
            return names;
        }

        /// <summary>"login:password,login2:password2"; the password may hold ':'.</summary>
        public IDictionary<string, string> Logins()
        {
            var logins = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in Names(itemName: null))
            {
                var colon = pair.IndexOf(':');
                if (colon <= 0) throw new FormatException($"{name} needs login:password pairs, not '{pair}'");
                logins[pair[..colon]] = pair[(colon + 1)..];
            }
            return logins;
        }

        public FaultRule Fault()
        {
            var text = Value();
            try
            {
                return Control.ControlEndpoints.ParseFault(text);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"{name} needs a fault rule as JSON ({e.Message}), not '{text}'");
            }
        }

        /// <summary>"+03:00", "-05:30", "UTC" or a system time zone id ("Europe/Moscow").</summary>
        public TimeZoneInfo TimeZone()
        {
            var text = Value();
            var offsetText = text.StartsWith('+') ? text[1..] : text;
            if (TimeSpan.TryParseExact(offsetText, [@"hh\:mm", @"\-hh\:mm"], CultureInfo.InvariantCulture, out var offset))
            {
                if (text.StartsWith('-')) offset = -offset;
                var zone = "UTC" + Offset(offset);
                return TimeZoneInfo.CreateCustomTimeZone(zone, offset, zone, zone);
            }
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(text);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new FormatException($"{name} needs an offset such as +03:00 or a time zone id, not '{text}'");
            }
        }
    }
}
