using System.Text;
using System.Text.Json;
using ApiTools.EnDocs.Serialization;

namespace ApiTools.Tests.EnDocs;

public class EnDocsDateTests
{
    private static DateTimeOffset? Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return new LooseDateConverter().Read(ref reader, typeof(DateTimeOffset?), new JsonSerializerOptions());
    }

    [Theory]
    [InlineData("\"2023-09-14T10:05:07Z\"")]          // EnDocs' own form: the fast path
    [InlineData("\"2023-09-14T10:05:07\"")]           // no offset: read as UTC, never as local time
    [InlineData("\"2023-09-14T13:05:07+03:00\"")]     // an explicit offset is honoured
    [InlineData("\"2023-09-14T10:05:07\\u005A\"")]    // an escaped Z takes the lenient path, same value
    public void Every_form_reads_as_the_same_instant(string json)
    {
        Assert.Equal(new DateTimeOffset(2023, 9, 14, 10, 5, 7, TimeSpan.Zero), Read(json)!.Value.ToUniversalTime());
    }

    [Fact]
    public void Day_first_dates_and_empty_text_are_understood()
    {
        Assert.Equal(new DateTimeOffset(2023, 9, 14, 0, 0, 0, TimeSpan.Zero), Read("\"14.09.2023\""));
        Assert.Null(Read("\"\""));
        Assert.Null(Read("null"));
    }
}
