using System.Globalization;

namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// Custom values as the emulator's PlanFix judges and shows them: a value that does not fit its field's type is error
/// 0015 naming the field's id (PlanFix does not tell clients the types, so this is where a wrong value is found), and
/// each kept value gets the text people see (a number with its unit, a checkbox as Да/Нет, a contact by name).
/// </summary>
internal static class PlanFixCustomValues
{
    /// <summary>The value as stored, and its text; 0015 when it does not fit the field.</summary>
    public static SeedPlanFixCustomValue Make(SeedPlanFixCustomField field, string value, Func<long, SeedPlanFixContact?> contactByUserId)
    {
        var v = value.Trim();
        if (v.Length == 0) return new(field.Id, field.Name, "", "");
        switch (field.Type)
        {
            case "NUMBER":
                if (!decimal.TryParse(v.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) throw Refused(field, value);
                var text = number.ToString("#,0.##", CultureInfo.InvariantCulture).Replace(',', ' ');
                return new(field.Id, field.Name, number.ToString(CultureInfo.InvariantCulture), field.Unit.Length > 0 ? text + " " + field.Unit : text);
            case "LIST":
                var item = field.List.FirstOrDefault(l => string.Equals(l, v, StringComparison.OrdinalIgnoreCase)) ?? throw Refused(field, value);
                return new(field.Id, field.Name, item, item);
            case "DATE":
                if (!DateTime.TryParseExact(v, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) throw Refused(field, value);
                return new(field.Id, field.Name, v, v);
            case "CHECKBOX":
                var on = v switch { "1" or "true" => true, "0" or "false" => false, _ => throw Refused(field, value) };
                return new(field.Id, field.Name, on ? "1" : "0", on ? "Да" : "Нет");
            case "CONTACT":
                if (!long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var userId)) throw Refused(field, value);
                if (userId == 0) return new(field.Id, field.Name, "0", "");
                var contact = contactByUserId(userId) ?? throw Refused(field, value);
                return new(field.Id, field.Name, v, contact.FullName);
            default:
                return new(field.Id, field.Name, value, value);
        }
    }

    /// <summary>An empty value of every field, in the fields' order (what an object carries before anything is set).</summary>
    public static IReadOnlyList<SeedPlanFixCustomValue> Empty(IReadOnlyList<SeedPlanFixCustomField> fields) =>
        fields.Select(f => f.Type is "CHECKBOX" ? new SeedPlanFixCustomValue(f.Id, f.Name, "0", "Нет")
            : f.Type is "CONTACT" ? new SeedPlanFixCustomValue(f.Id, f.Name, "0", "")
            : new SeedPlanFixCustomValue(f.Id, f.Name, "", "")).ToList();

    /// <summary><paramref name="current"/> with the <c>customData/customValue{id,value}</c> of a write applied; 0015 for an unknown field or a bad value.</summary>
    public static IReadOnlyList<SeedPlanFixCustomValue> Apply(IReadOnlyList<SeedPlanFixCustomField> fields, IReadOnlyList<SeedPlanFixCustomValue> current,
        System.Xml.Linq.XElement? customData, Func<long, SeedPlanFixContact?> contactByUserId)
    {
        if (customData is null) return current;
        var values = current.ToList();
        foreach (var cv in customData.Elements("customValue"))
        {
            var idText = cv.Element("id")?.Value.Trim() ?? cv.Element("field")?.Element("id")?.Value.Trim();
            if (!long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                throw PlanFixError.BadValue("customData/customValue/id", idText);
            var field = fields.FirstOrDefault(f => f.Id == id) ?? throw new PlanFixError("0015", $"Неизвестное пользовательское поле {id}");
            var made = Make(field, cv.Element("value")?.Value ?? "", contactByUserId);
            var at = values.FindIndex(v => v.FieldId == id);
            if (at >= 0) values[at] = made;
            else values.Add(made);
        }
        return values;
    }

    private static PlanFixError Refused(SeedPlanFixCustomField field, string value) =>
        new("0015", $"Недопустимое значение пользовательского поля {field.Id}: {value}");
}
