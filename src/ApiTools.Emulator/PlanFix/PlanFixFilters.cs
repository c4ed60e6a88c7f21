using System.Globalization;
using System.Xml.Linq;

namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// The complex filters of the list methods (<c>filters/filter{type,operator,value,field}</c>) with the reference's type
/// numbers: for tasks 1 owner, 2 worker, 10 status (ids joined with ';'), 12 created, 14 planned end, 38 last change,
/// 24 process, 101–106 custom fields; for contacts 12 created, 4003 phone, 4005 e-mail, 4008 group, 4101–4106 custom
/// fields. Dates are value objects (datetype today, yesterday, tomorrow, anotherdate, anotherperiod, last, next). A type
/// the emulator does not play is error 0015, so a test never passes on a filter that was ignored.
/// </summary>
internal static class PlanFixFilters
{
    public static Func<SeedPlanFixTask, bool> Task(XElement? filters, DateTimeOffset now, PlanFixSeed seed)
    {
        var tests = new List<Func<SeedPlanFixTask, bool>>();
        foreach (var f in filters?.Elements("filter") ?? [])
        {
            var (type, op, value, field) = Parts(f);
            Func<SeedPlanFixTask, bool> test = type switch
            {
                1 => t => Compare(op, t.OwnerId == Long(value, "value")),
                2 => t => Compare(op, t.WorkerIds.Contains(Long(value, "value"))),
                10 => t => Compare(op, Ids(value).Contains(t.Status)),
                24 => t => Compare(op, t.StatusSet == Long(value, "value")),
                12 => t => Dated(op, value, t.BeginDateTime, now),
                14 => t => t.EndTime is { } end && Dated(op, value, end, now),
                38 => t => Dated(op, value, t.ChangedAt, now),
                >= 101 and <= 106 => t => Custom(type - 100, op, value, field, t.CustomData, now),
                _ => throw new PlanFixError("0015", $"Тип фильтра {type} не поддерживается"),
            };
            tests.Add(test);
        }
        return t => tests.All(test => test(t));
    }

    public static Func<SeedPlanFixContact, bool> Contact(XElement? filters, DateTimeOffset now)
    {
        var tests = new List<Func<SeedPlanFixContact, bool>>();
        foreach (var f in filters?.Elements("filter") ?? [])
        {
            var (type, op, value, field) = Parts(f);
            Func<SeedPlanFixContact, bool> test = type switch
            {
                12 => c => c.CreatedAt is { } created && Dated(op, value, created, now),
                4003 => c => Compare(op, c.Phones.Any(p => Digits(p.Number).Contains(Digits(value.Value), StringComparison.Ordinal))),
                4005 => c => Compare(op, c.Email.Contains(value.Value.Trim(), StringComparison.OrdinalIgnoreCase)),
                4008 => c => Compare(op, c.GroupId == Long(value, "value")),
                >= 4101 and <= 4106 => c => Custom(type - 4100, op, value, field, c.CustomData ?? [], now),
                _ => throw new PlanFixError("0015", $"Тип фильтра {type} не поддерживается"),
            };
            tests.Add(test);
        }
        return c => tests.All(test => test(c));
    }

    private static (int Type, string Op, XElement Value, long? Field) Parts(XElement f)
    {
        if (!int.TryParse(f.Element("type")?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var type))
            throw PlanFixError.Missing("filters/filter/type");
        var op = f.Element("operator")?.Value.Trim().ToLowerInvariant() ?? "equal";
        if (op is not ("equal" or "notequal" or "gt" or "lt")) throw PlanFixError.BadValue("filters/filter/operator", op);
        var value = f.Element("value") ?? throw PlanFixError.Missing("filters/filter/value");
        var field = long.TryParse(f.Element("field")?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        return (type, op, value, field);
    }

    private static bool Compare(string op, bool match) => op == "notequal" ? !match : match;

    /// <summary>Custom field filters: 1 string contains, 2 number, 3 date, 5 checkbox, 6 list (by the field's id).</summary>
    private static bool Custom(int kind, string op, XElement value, long? field, IReadOnlyList<SeedPlanFixCustomValue> data, DateTimeOffset now)
    {
        if (field is null) throw PlanFixError.Missing("filters/filter/field");
        var cv = data.FirstOrDefault(v => v.FieldId == field);
        var stored = cv?.Value ?? "";
        switch (kind)
        {
            case 1:
                var text = value.Value.Trim();
                return Compare(op, stored.Contains(text, StringComparison.OrdinalIgnoreCase) || (cv?.Text ?? "").Contains(text, StringComparison.OrdinalIgnoreCase));
            case 2:
                if (!decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return op == "notequal";
                var wanted = decimal.Parse(value.Value.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);
                return op switch { "gt" => number > wanted, "lt" => number < wanted, "notequal" => number != wanted, _ => number == wanted };
            case 3:
                return DateTime.TryParseExact(stored, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                       && Dated(op, value, new DateTimeOffset(day, now.Offset), now);
            case 5:
                return Compare(op, stored == (value.Value.Trim() is "1" or "true" ? "1" : "0"));
            case 6:
                return Compare(op, string.Equals(stored, value.Value.Trim(), StringComparison.OrdinalIgnoreCase));
            default:
                throw new PlanFixError("0015", $"Тип фильтра {100 + kind} не поддерживается");
        }
    }

    /// <summary>A date against a date value object: equal (inside the day or period), notequal, gt (after it), lt (before it).</summary>
    private static bool Dated(string op, XElement value, DateTimeOffset moment, DateTimeOffset now)
    {
        var (from, to) = Period(value, now);
        var day = moment.Date;
        return op switch
        {
            "gt" => day > to,
            "lt" => day < from,
            "notequal" => day < from || day > to,
            _ => day >= from && day <= to,
        };
    }

    private static (DateTime From, DateTime To) Period(XElement value, DateTimeOffset now)
    {
        var today = now.Date;
        var type = value.Element("datetype")?.Value.Trim().ToLowerInvariant() ?? throw PlanFixError.Missing("filters/filter/value/datetype");
        int N() => int.TryParse(value.Element("datevalue")?.Value.Trim(), out var n) ? n : throw PlanFixError.Missing("filters/filter/value/datevalue");
        DateTime Day(string name) =>
            DateTime.TryParseExact(value.Element(name)?.Value.Trim(), "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw PlanFixError.BadValue("filters/filter/value/" + name, value.Element(name)?.Value);
        return type switch
        {
            "today" => (today, today),
            "yesterday" => (today.AddDays(-1), today.AddDays(-1)),
            "tomorrow" => (today.AddDays(1), today.AddDays(1)),
            "anotherdate" => (Day("datefrom"), Day("datefrom")),
            "anotherperiod" => (Day("datefrom"), Day("dateto")),
            "last" => (today.AddDays(-N()), today),
            "next" => (today, today.AddDays(N())),
            _ => throw PlanFixError.BadValue("filters/filter/value/datetype", type),
        };
    }

    private static long Long(XElement e, string what) =>
        long.TryParse(e.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw PlanFixError.BadValue(what, e.Value);

    private static HashSet<long> Ids(XElement e) =>
        e.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw PlanFixError.BadValue("value", s)).ToHashSet();

    private static string Digits(string text) => new(text.Where(char.IsDigit).ToArray());
}
