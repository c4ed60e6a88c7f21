using ApiTools.Common;
using ApiTools.EnDocs;
using ApiTools.Http;
using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.CannedAnswers;

namespace ApiTools.Tests.EnDocs;

/// <summary>A value of another kind than the model takes never fails an item or a listing: lossless conversions are made
/// quietly, anything else is kept in Extra with one warning per field that names the field and not the value.</summary>
public class EnDocsTolerantReadingTests
{
    private static EnDocsClient Client(string body, RecordingObserver observer) =>
        new(EnDocsConnection.Create(Secret.FromString("tolerant-" + Guid.NewGuid()), new Uri("https://api.endocs.test"), "test", Support.Evotor.FastRetry),
            observer, new CannedAnswers().When(_ => true, _ => Answer(body)));

    [Fact]
    public async Task Odd_values_are_kept_in_Extra_and_named_once_while_every_item_comes_out()
    {
        const string body = """
            {"key":3,"value":[
              {"id":1,"docNumber":"A-1","amount":{"sum":5},"docDate":"вчера","signed":"yes","tablePart":"not json",
               "contractor":{"id":7,"name":"ООО Один","inn":["7701234567"],"bank":"Банк"}},
              {"id":2,"docNumber":"A-2","amount":{"sum":6},"docDate":"позавчера"},
              {"id":3,"docNumber":"A-3","amount":10.5,"docDate":"2024-03-01T12:00:00Z"}
            ]}
            """;
        var observer = new RecordingObserver();

        var documents = await Client(body, observer).GetDocumentsAsync(EnDocsDocumentType.Invoice).ToListAsync();

        Assert.Equal(new long[] { 1, 2, 3 }, documents.Select(d => d.Id));
        var odd = documents[0];
        Assert.Null(odd.Amount);
        Assert.Equal(5m, Assert.IsType<ExtraFields>(odd.Extra!["amount"])["sum"]); // kept as a value you can dot into
        Assert.Equal("вчера", odd.Extra["docDate"]);
        Assert.Equal("yes", odd.Extra["signed"]);
        Assert.Equal("not json", odd.Extra["tablePart"]);
        Assert.Equal("7701234567", Assert.IsType<ExtraList>(odd.Extra["contractor.inn"])[0]);
        Assert.Equal(("ООО Один", "Банк"), (odd.Contractor?.Name, odd.Contractor?.Bank)); // the rest of the party is read
        Assert.Equal(10.5m, documents[2].Amount);

        var warnings = observer.Warnings.Distinct().ToList();
        Assert.Equal(5, warnings.Count); // amount, docDate, signed, contractor.inn, tablePart: once each, whatever the items
        foreach (var field in new[] { "'amount'", "'docDate'", "'signed'", "'contractor.inn'", "'tablePart'" })
            Assert.Single(warnings, w => w.Contains(field, StringComparison.Ordinal) && w.StartsWith("EnDocs invoice", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("вчера", StringComparison.Ordinal) || w.Contains("7701234567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lossless_conversions_are_made_without_a_word()
    {
        const string body = """
            {"key":1,"value":[{"id":"15","amount":"12.5","signed":"true","paid":0,"ext_ID":null,"comment":5,"state":true,
              "contractor":{"id":"4","ext_ID":6273,"inn":7701234567,"name":42.50},"docNumber":42}]}
            """;
        var observer = new RecordingObserver();

        var document = Assert.Single(await Client(body, observer).GetDocumentsAsync(EnDocsDocumentType.Contract).ToListAsync());

        Assert.Equal(15, document.Id);
        Assert.Equal(12.5m, document.Amount);
        Assert.Equal((true, false), (document.Signed, document.Paid));
        Assert.Equal(("6273", "7701234567", 4L), (document.ContractorExtId, document.ContractorInn, document.ContractorId));
        Assert.Equal("42", document.DocNumber);
        Assert.Equal(("5", "true", "42.50"), (document.Comment, document.State, document.Contractor?.Name)); // numbers as written
        Assert.Null(document.Extra);
        Assert.Empty(observer.Warnings);
    }

    [Fact]
    public async Task An_element_that_is_no_object_is_left_out_with_a_warning_and_the_rest_come()
    {
        var observer = new RecordingObserver();

        var documents = await Client("""{"key":3,"value":[{"id":1},"stray",{"id":3}]}""", observer).GetDocumentsAsync(EnDocsDocumentType.Input).ToListAsync();

        Assert.Equal(new long[] { 1, 3 }, documents.Select(d => d.Id));
        Assert.Contains(observer.Warnings, w => w.Contains("not a JSON object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_table_part_comes_as_typed_rows_and_prints_as_the_text_EnDocs_takes()
    {
        const string body = """
            {"key":1,"value":[{"id":9,"tablePart":"[{\"Name\":\"Бумага А4\",\"UnitName\":\"шт\",\"Quantity\":\"2\",\"AmountToPay\":\"250,50\",\"AmountWOVAT\":\"417,50\",\"TaxRate\":\"20%\",\"VAT\":\"83,50\",\"Amount\":\"501\"},{\"Name\":\"Доставка\",\"Quantity\":\"два\",\"Code\":\"D1\"}]"}]}
            """;
        var observer = new RecordingObserver();

        var document = Assert.Single(await Client(body, observer).GetDocumentsAsync(EnDocsDocumentType.Input).ToListAsync());

        var rows = document.TablePart!;
        Assert.Equal(2, rows.Count);
        Assert.Equal(("Бумага А4", "шт", 2m, 250.50m, 417.50m, "20%", 83.50m, 501m),
            (rows[0].Name, rows[0].UnitName, rows[0].Quantity, rows[0].Price, rows[0].AmountWithoutVat, rows[0].TaxRate, rows[0].Vat, rows[0].Amount));
        Assert.Null(rows[1].Quantity);
        Assert.Equal("два", rows[1].Extra!["Quantity"]);
        Assert.Equal("D1", rows[1].Extra!["Code"]); // a field the row does not name is kept, quietly
        Assert.Single(observer.Warnings, w => w.Contains("'Quantity'", StringComparison.Ordinal));
        Assert.Equal("""[{"Name":"Бумага А4","UnitName":"шт","Quantity":"2","AmountToPay":"250.50","AmountWOVAT":"417.50","TaxRate":"20%","VAT":"83.50","Amount":"501"},{"Name":"Доставка","Quantity":"два","Code":"D1"}]""",
            rows.ToString());
    }

    [Fact]
    public async Task A_user_with_an_odd_value_still_comes_out()
    {
        var observer = new RecordingObserver();

        var users = await Client("""[{"id":"a-1","displayName":"Иванов","blocked":"да"},{"id":2,"userName":"Петров"}]""", observer).GetUsersAsync().ToListAsync();

        Assert.Equal(new[] { "a-1", "2" }, users.Select(u => u.Id));
        Assert.Equal("да", users[0].Extra!["blocked"]);
        Assert.Equal("Петров", users[1].Name);
        Assert.Single(observer.Warnings);
    }
}
