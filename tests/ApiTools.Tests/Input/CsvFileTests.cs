using System.Text;
using ApiTools.Input;

namespace ApiTools.Tests.Input;

/// <summary>Malformed CSV read by <see cref="CsvFile"/> (what Import-EvotorBulk -Path runs): each broken row is named by
/// file, line and field and the rows around it still come; a file that cannot be read at all fails before any row.</summary>
public sealed class CsvFileTests : IDisposable
{
    private const string Header = "Name,Price,MeasureName,Tax,AllowToSell,Type";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "apitools-csv-" + Guid.NewGuid().ToString("N"));

    public CsvFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text, string name = "in.csv") => WriteBytes(Encoding.UTF8.GetBytes(text), name);

    private string WriteBytes(byte[] bytes, string name = "in.csv")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<InputFields> Rows(string path, char delimiter = ',')
    {
        using var file = CsvFile.Open(path, delimiter);
        return file.Rows().ToList();
    }

    [Fact]
    public void Good_rows_carry_their_data_row_and_line_and_read_every_value()
    {
        var rows = Rows(Write($"{Header}\nA,1,шт,NO_VAT,true,NORMAL\n\n\"Line1\nLine2 \"\"q\"\"\",2,шт,NO_VAT,true,NORMAL\nC,3,шт,NO_VAT,true,NORMAL\n"));

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Empty(r.Violations));
        Assert.Equal(new long?[] { 1, 2, 3 }, rows.Select(r => r.Row));
        // Lines as an editor counts them: the blank line 3 is skipped, the quoted newline makes row 2 span lines 4-5.
        Assert.Equal(new[] { "in.csv line 2", "in.csv lines 4-5", "in.csv line 6" }, rows.Select(r => r.Origin));
        Assert.Equal("Line1\nLine2 \"q\"", rows[1].Text("Name"));
    }

    [Fact]
    public void A_BOM_is_not_part_of_the_first_column_name()
    {
        var rows = Rows(WriteBytes(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"{Header}\nA,1,шт,NO_VAT,true,NORMAL\n")).ToArray()));
        Assert.Equal("A", Assert.Single(rows).Text("Name"));
    }

    [Fact]
    public void A_row_with_too_few_or_too_many_values_is_refused_by_itself()
    {
        var rows = Rows(Write($"{Header}\nA,1,шт,NO_VAT,true,NORMAL\nB,2,шт,NO_VAT\nC,89,90,шт,NO_VAT,true,NORMAL\nD,4,шт,NO_VAT,true,NORMAL\n"));

        Assert.Equal(4, rows.Count);
        Assert.Empty(rows[0].Violations);
        var few = Assert.Single(rows[1].Violations);
        Assert.Equal("(row)", few.Subject);
        Assert.Contains("has 4 values but the header names 6 columns (AllowToSell, Type got none)", few.Reason);
        var many = Assert.Single(rows[2].Violations);
        Assert.Contains("has 7 values but the header names 6 columns (extra: 'NORMAL')", many.Reason);
        Assert.Contains("must be quoted", many.Reason);
        Assert.Empty(rows[3].Violations);
        Assert.Equal("in.csv line 4", rows[2].Origin);
    }

    [Fact]
    public void A_stray_quote_inside_an_unquoted_value_names_its_field_and_the_next_rows_still_come()
    {
        var rows = Rows(Write($"{Header}\nA,1,шт,NO_VAT,true,NORMAL\nB\"x,2,шт,NO_VAT,true,NORMAL\nC,3,шт,NO_VAT,true,NORMAL\n"));

        Assert.Equal(3, rows.Count);
        var stray = Assert.Single(rows[1].Violations);
        Assert.Equal("Name", stray.Subject);
        Assert.Contains("quote", stray.Reason);
        Assert.Empty(rows[2].Violations);
        Assert.Equal("C", rows[2].Text("Name"));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("")]
    [InlineData("\r\n")]
    public void An_unclosed_quote_is_named_with_the_line_it_opened_on_and_the_rows_before_it_are_intact(string end)
    {
        var rows = Rows(Write($"{Header}\nA,1,шт,NO_VAT,true,NORMAL\nB,2,шт,NO_VAT,true,\"NORMAL\nC,3,шт,NO_VAT,true,NORMAL\nD,4,шт,NO_VAT,true,NORMAL{end}"));

        Assert.Equal(2, rows.Count);
        Assert.Empty(rows[0].Violations);
        var unclosed = Assert.Single(rows[1].Violations);
        Assert.Equal("Type", unclosed.Subject);
        Assert.Contains("opens a quote on line 3 that is never closed", unclosed.Reason);
        Assert.Contains("to line 5", unclosed.Reason);
    }

    [Fact]
    public void A_Windows_1251_file_is_one_error_naming_its_first_line_that_is_not_UTF8_and_the_encoding_to_try()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = WriteBytes(Encoding.GetEncoding(1251).GetBytes($"{Header}\nMilk,1,pcs,NO_VAT,true,NORMAL\nМолоко,2,шт,NO_VAT,true,NORMAL\nBread,3,pcs,NO_VAT,true,NORMAL\n"));

        var error = Assert.Throws<CsvFileException>(() => CsvFile.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("is not UTF-8: line 3", error.Message);
        Assert.Contains("-Encoding windows-1251", error.Message);
    }

    [Fact]
    public void The_same_file_read_with_its_encoding_gives_every_row_as_written()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = WriteBytes(Encoding.GetEncoding(1251).GetBytes($"{Header}\nMilk,1,pcs,NO_VAT,true,NORMAL\nМолоко,2,шт,NO_VAT,true,NORMAL\n"));

        using var file = CsvFile.Open(path, encoding: Encoding.GetEncoding(1251));
        var rows = file.Rows().ToList();

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Empty(r.Violations));
        Assert.Equal("Молоко", rows[1].Text("Name"));
        Assert.Equal("шт", rows[1].Text("MeasureName"));
    }

    [Fact]
    public void A_header_that_is_not_UTF8_fails_the_file()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = WriteBytes(Encoding.GetEncoding(1251).GetBytes("Наименование,Цена\nA,1\n"));
        var error = Assert.Throws<CsvFileException>(() => CsvFile.Open(path));
        Assert.Contains("is not UTF-8: line 1", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_file_in_a_Western_code_page_gets_the_general_advice()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = WriteBytes(Encoding.GetEncoding(1252).GetBytes("Name,Price\nCafé crème,1\n"));
        var error = Assert.Throws<CsvFileException>(() => CsvFile.Open(path));
        Assert.Contains("is not UTF-8: line 2", error.Message);
        Assert.Contains("Give its encoding with -Encoding", error.Message);
    }

    [Theory]
    [InlineData("", "has no header row")]
    [InlineData("\n\n", "has no header row")]
    [InlineData("Name,Price,Name\nA,1,B\n", "names the column 'Name' twice")]
    [InlineData("Name,CostPrice,cost_price\nA,1,2\n", "as 'CostPrice' and 'cost_price'")]
    public void A_file_that_cannot_be_read_as_a_whole_fails_before_any_row(string text, string expected)
    {
        var path = Write(text);
        var error = Assert.Throws<CsvFileException>(() => CsvFile.Open(path));
        Assert.Contains(expected, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_header_only_file_has_no_rows()
    {
        Assert.Empty(Rows(Write(Header + "\n")));
    }

    [Fact]
    public void The_delimiter_is_honoured()
    {
        var rows = Rows(Write("Name;Price\n\"A;B\";89,90\n"), ';');
        Assert.Equal("A;B", rows[0].Text("Name"));
        Assert.Equal(89.90m, rows[0].Decimal("Price"));
    }
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_record_longer_than_the_limit_is_refused_with_its_file_row_and_lines_and_the_rows_after_it_are_read(string newline)
    {
        // A small limit stands in for the 20,000,000 characters: the refusal happens as the limit passes, unread.
        var huge = "\"" + new string('x', 5000) + newline + new string('y', 5000) + "\",1,шт,NO_VAT,true,NORMAL";
        var path = Write(string.Join(newline, Header, "A,1,шт,NO_VAT,true,NORMAL", huge, "\"B" + newline + "b\",2,шт,NO_VAT,true,NORMAL", "C,3,шт,NO_VAT,true,NORMAL") + newline);

        using var file = CsvFile.Open(path, ',', maxRecordChars: 1000);
        var rows = file.Rows().ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(new long?[] { 1, 2, 3, 4 }, rows.Select(r => r.Row));
        Assert.Equal(new[] { "in.csv line 2", "in.csv lines 3-4", "in.csv lines 5-6", "in.csv line 7" }, rows.Select(r => r.Origin));
        var refused = Assert.Single(rows[1].Violations);
        Assert.Contains("longer than 1,000 characters", refused.Reason);
        Assert.True(rows[1].Unread);
        Assert.Equal("B" + newline + "b", rows[2].Text("Name"));
        Assert.Equal("C", rows[3].Text("Name"));
        Assert.All(new[] { rows[0], rows[2], rows[3] }, r => Assert.Empty(r.Violations));
    }

    [Fact]
    public void A_line_of_25_million_characters_is_refused_at_the_default_limit_without_being_held()
    {
        var path = Path.Combine(_folder, "huge.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write(Header + "\nA,1,шт,NO_VAT,true,NORMAL\n");
            var block = new string('z', 1_000_000);
            for (var i = 0; i < 25; i++) writer.Write(block);
            writer.Write(",1,шт,NO_VAT,true,NORMAL\nB,2,шт,NO_VAT,true,NORMAL\n");
        }

        using var file = CsvFile.Open(path);
        var rows = file.Rows().ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal("huge.csv line 3", rows[1].Origin);
        Assert.Contains("longer than 20,000,000 characters", Assert.Single(rows[1].Violations).Reason);
        Assert.Equal("B", rows[2].Text("Name"));
        Assert.Equal("huge.csv line 4", rows[2].Origin);
    }

    [Fact]
    public void A_header_longer_than_the_limit_is_a_file_error()
    {
        var path = Write(new string('h', 5000) + "\nA\n");
        var error = Assert.Throws<CsvFileException>(() => CsvFile.Open(path, ',', maxRecordChars: 1000));
        Assert.Contains("longer than 1,000 characters", error.Message);
    }
}
