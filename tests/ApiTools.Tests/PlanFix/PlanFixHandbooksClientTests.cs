using ApiTools.Emulator;
using ApiTools.Errors;
using ApiTools.Paging;
using ApiTools.PlanFix.Requests;
using static ApiTools.Tests.PlanFix.PlanFixTest;

namespace ApiTools.Tests.PlanFix;

/// <summary>Handbooks and analitics through the client, against the emulator.</summary>
public class PlanFixHandbooksClientTests
{
    [Fact]
    public async Task Every_record_comes_nested_groups_walked_and_values_named_from_the_structure()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var records = await client.GetHandbookRecordsAsync("Виды работ").ToListAsync();

        var seeded = server.PlanFix.Records.Where(r => r.HandbookId == 131).ToList();
        Assert.Equal(seeded.Select(r => r.Key).OrderBy(k => k), records.Select(r => r.Key).OrderBy(k => k));
        Assert.Equal(records.Count, records.Select(r => r.Key).Distinct().Count());
        var far = records.Single(r => r.Key == 13);
        Assert.Equal(("Выезды/Дальние", 11L), (far.Path, far.ParentKey!.Value));
        Assert.Equal("Выезд за город", far.Values["Название"]!.Value);
        Assert.Equal("3000", far.Values["Ставка"]!.Value);
        Assert.True(records.Single(r => r.Key == 11).IsGroup);
        // One request a level: the top, Выезды, Дальние (each shorter than a page), and the structure and the list.
        Assert.Equal(3, server.Requests.Count(PlanFixRouteKeys.HandbookGetRecords));
    }

    [Fact]
    public async Task Records_page_until_a_short_page_and_First_asks_for_no_more()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var all = await client.GetHandbookRecordsAsync("132").ToListAsync();
        var before = server.Requests.Count(PlanFixRouteKeys.HandbookGetRecords);
        var five = await client.GetHandbookRecordsAsync("132", new PageRange(0, 5)).ToListAsync();

        Assert.Equal(234, all.Count); // 230 records and a group of 3 + the group itself
        // The top level: pages of 100, 100 and 31 (no total count: the short page ends it); then the group's level.
        Assert.Equal(4, before);
        Assert.Equal(5, five.Count);
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.HandbookGetRecords) - before);
        Assert.Equal("Кабель 1", all[0].Values["Наименование"]!.Value);
        Assert.Equal("Программирование", all[0].Values["Вид работ"]!.Text); // a handbook field shows its record's name
    }

    [Fact]
    public async Task Records_are_added_and_changed_by_field_name_and_an_unknown_handbook_or_field_is_named()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var added = await client.AddHandbookRecordAsync("Виды работ", new PlanFixHandbookRecordDraft
        {
            ParentKey = 10, Values = new PlanFixCustomValues { { "Название", "Обучение" }, { "Ставка", 2000 }, { "Единица измерения", "час" } },
        });
        var group = await client.AddHandbookRecordAsync("131", new PlanFixHandbookRecordDraft { IsGroup = true, Name = "Прочее" });
        var changed = await client.UpdateHandbookRecordAsync("Виды работ", new PlanFixHandbookRecordDraft { Key = added.Key, Values = new PlanFixCustomValues { { "Ставка", 2500 } } }, readBack: true);
        var noHandbook = await Assert.ThrowsAsync<ApiValidationException>(() => client.GetHandbookRecordsAsync("Склад").ToListAsync());
        var noField = await Assert.ThrowsAsync<ApiValidationException>(() =>
            client.AddHandbookRecordAsync("Виды работ", new PlanFixHandbookRecordDraft { Values = new PlanFixCustomValues { { "Цена", 1 } } }));

        Assert.Equal(("Обучение", "2000", 10L), (added.Values["Название"]!.Value, added.Values["Ставка"]!.Value, added.ParentKey!.Value));
        Assert.True(group.IsGroup);
        Assert.Equal("Прочее", group.Name);
        Assert.Equal(("Обучение", "2500"), (changed.Values["Название"]!.Value, changed.Values["Ставка"]!.Value));
        Assert.Contains("'Склад'", noHandbook.Message);
        Assert.Contains("Виды работ", noHandbook.Message);
        Assert.Contains("'Цена'", noField.Message);
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.HandbookAddRecord));
    }

    [Fact]
    public async Task Analitics_list_with_their_fields_and_rows_go_with_a_comment()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var task = server.PlanFix.Tasks[2];
        var worker = server.PlanFix.Users[1];

        var list = await client.GetAnaliticsAsync();
        var work = await client.ResolveAnaliticAsync("Выработка");
        var comment = await client.AddCommentAsync(task.Id, "Отработал", new[]
        {
            new PlanFixAnaliticRow("Выработка", new PlanFixCustomValues
            {
                { "Вид работы", 2 }, { "Дата", new DateTime(2026, 3, 2) }, { "Период времени", "09:00-12:00" }, { "Кол-во", 3 }, { "Сотрудник", worker.Id },
            }),
            new PlanFixAnaliticRow("264", new PlanFixCustomValues { { "Статья", "Связь" }, { "Сумма", 450.5m } }),
        });
        var unknownField = await Assert.ThrowsAsync<ApiValidationException>(() => client.AddCommentAsync(task.Id, "x",
            new[] { new PlanFixAnaliticRow("Выработка", new PlanFixCustomValues { { "Часы", 1 } }) }));
        var refused = await Assert.ThrowsAsync<ApiValidationException>(() => client.AddCommentAsync(task.Id, "x",
            new[] { new PlanFixAnaliticRow("Выработка", new PlanFixCustomValues { { "Вид работы", 999 } }) }));

        Assert.Equal(new[] { "Выработка", "Расходы" }, list.Select(a => a.Name));
        Assert.Equal(6, work.Fields.Count);
        Assert.Equal("LOGINLIST", work.Fields["Сотрудник"]!.Type);
        var stored = server.PlanFix.ActionsOf(task.Id).Single(a => a.Id == comment.Id).Analitics;
        Assert.Equal(new long[] { 263, 264 }, stored.Select(r => r.AnaliticId));
        Assert.Contains((741L, "Тестирование", "2"), stored[0].Items);
        Assert.Contains(stored[0].Items, i => i.FieldId == 743 && i.Value == "02-03-2026");
        Assert.Contains(stored[0].Items, i => i.FieldId == 824 && i.Value == "09:00-12:00");
        Assert.Contains(stored[0].Items, i => i.FieldId == 846 && i.ValueId == worker.Id.ToString());
        Assert.Contains(stored[1].Items, i => i.FieldId == 752 && i.Value == "450.5");
        Assert.Contains("'Часы'", unknownField.Message);
        Assert.Equal("4015", refused.ErrorCode); // the handbook has no record 999
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.AnaliticGetList)); // analitics read once per client
    }

    [Fact]
    public async Task Five_digit_error_codes_map_too()
    {
        await using var server = await StartAsync();
        var error = await Assert.ThrowsAnyAsync<ApiException>(() => TokenClient(server).GetAnaliticAsync(1));
        Assert.Equal(("10002", ApiErrorKind.NotFound), (error.ErrorCode, error.Kind));
        Assert.Contains("analitic not found", error.Message);
    }
}
