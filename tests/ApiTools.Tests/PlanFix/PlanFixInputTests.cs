using ApiTools.Errors;
using ApiTools.Input;
using ApiTools.PlanFix.Input;
using ApiTools.PlanFix.Models;

namespace ApiTools.Tests.PlanFix;

/// <summary>Rows read into PlanFix drafts: custom fields from every place a row can carry them, and the Fingerprint that
/// narrows a contact's change to what was edited since it was read.</summary>
public class PlanFixInputTests
{
    private static readonly TimeZoneInfo Zone = ApiTools.PlanFix.PlanFixDates.Moscow;

    private static PlanFixContact Contact() => new()
    {
        Id = 30001, General = 701, Name = "Иван", LastName = "Петров", Email = "ivan@example.ru", Post = "Директор",
        Phones = new PlanFixPhones { new() { Number = "+7 900 000-00-01", TypeId = 2, TypeName = "Мобильный" } },
        Birthdate = new DateTimeOffset(1980, 5, 17, 0, 0, 0, TimeSpan.FromHours(3)),
        CustomFields = new PlanFixCustomFields { new() { FieldId = 201, Name = "ИНН", Value = "7701", Text = "7701" }, new() { FieldId = 202, Name = "Источник", Value = "Сайт", Text = "Сайт" } },
    };

    /// <summary>The row Export-Csv writes of <paramref name="contact"/> (every value as the text it prints as).</summary>
    private static Dictionary<string, object?> Row(PlanFixContact contact, string fingerprint) =>
        typeof(PlanFixContact).GetProperties().ToDictionary(p => p.Name, p => (object?)(p.GetValue(contact)?.ToString() ?? ""));

    private static PlanFixContact WithFingerprint(PlanFixContact c)
    {
        c.Fingerprint = PlanFixFingerprint.Of(PlanFixCanonical.Contact(PlanFixCanonical.DraftOf(c), Zone), PlanFixCanonical.ContactScalars.Length);
        return c;
    }

    [Fact]
    public void A_row_left_as_it_was_read_is_unchanged_and_sends_nothing()
    {
        var contact = WithFingerprint(Contact());
        var draft = PlanFixContactInput.ReadContact(new InputFields(Row(contact, contact.Fingerprint!)), "item 1", Zone, update: true);
        Assert.True(draft.Unchanged);
    }

    [Fact]
    public void An_edited_row_sends_only_its_edited_fields_and_a_blanked_one_is_cleared()
    {
        var contact = WithFingerprint(Contact());
        var row = Row(contact, contact.Fingerprint!);
        row["Email"] = "new@example.ru";
        row["Post"] = "";
        row["CustomFields"] = "ИНН=7701;Источник=Выставка";

        var draft = PlanFixContactInput.ReadContact(new InputFields(row), "item 1", Zone, update: true);

        Assert.False(draft.Unchanged);
        Assert.Equal(30001, draft.Id);
        Assert.Equal(("new@example.ru", ""), (draft.Email, draft.Post));
        Assert.Null(draft.Name);
        Assert.Null(draft.Phones);
        Assert.Null(draft.Birthdate);
        Assert.Equal(new[] { "Источник" }, draft.CustomFields!.Select(kv => kv.Key));
    }

    [Fact]
    public void A_row_without_a_fingerprint_sends_every_field_it_has()
    {
        var row = new Dictionary<string, object?> { ["Id"] = "30001", ["Name"] = "Иван", ["Email"] = "", ["Phones"] = "+7 1;+7 2" };
        var draft = PlanFixContactInput.ReadContact(new InputFields(row), "item 1", Zone, update: true);
        Assert.Equal(("Иван", null), (draft.Name, draft.Email)); // a blank cell without a fingerprint is not an edit
        Assert.Equal(new[] { "+7 1", "+7 2" }, draft.Phones);
    }

    [Fact]
    public void Custom_fields_come_from_the_cell_the_hashtable_and_columns_named_after_them()
    {
        var row = new Dictionary<string, object?>
        {
            ["Title"] = "T", ["CustomFields"] = "Сумма сделки=100;Источник=Сайт\\;и\\=звонок", ["CustomField"] = new System.Collections.Hashtable { ["Сумма сделки"] = 200 },
            ["Дата подписания"] = "01-02-2026", ["Непонятная"] = "x",
        };
        var draft = PlanFixInput.ReadTask(new InputFields(row), "item 1", Zone, customFields: new[] { "Сумма сделки", "Источник", "Дата подписания" });

        Assert.Equal(new (string, object?)[] { ("Источник", "Сайт;и=звонок"), ("Сумма сделки", 200), ("Дата подписания", "01-02-2026") },
            draft.CustomFields!.Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public void A_cell_that_is_not_name_value_pairs_is_named_in_the_error()
    {
        var row = new Dictionary<string, object?> { ["Title"] = "T", ["CustomFields"] = "просто текст" };
        var error = Assert.Throws<ApiValidationException>(() => PlanFixInput.ReadTask(new InputFields(row), "item 3", Zone));
        Assert.Equal("CustomFields", Assert.Single(error.Violations).Subject);
        Assert.StartsWith("Item 3 is not valid", error.Message);
    }
}
