using ApiTools.Evotor.Serialization;
using ApiTools.Common;

namespace ApiTools.Tests.Evotor;

public class EvotorJsonTests
{
    [Theory]
    [InlineData("2018-04-17T10:11:49.393+0000", 2018, 4, 17, 10, 11, 49, 393, 0)]
    [InlineData("2018-04-17T10:11:49.393+0300", 2018, 4, 17, 10, 11, 49, 393, 180)]
    [InlineData("2018-04-17T10:11:49.393-0130", 2018, 4, 17, 10, 11, 49, 393, -90)]
    [InlineData("2018-04-17T10:11:49.393+03:00", 2018, 4, 17, 10, 11, 49, 393, 180)]
    public void Reads_Evotor_timestamps_with_and_without_the_offset_colon(string text, int y, int mo, int d, int h, int mi, int s, int ms, int offsetMinutes)
    {
        Assert.True(EvotorTimestampConverter.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.FromMinutes(offsetMinutes)), value);
    }

    [Fact]
    public void Writes_Evotor_timestamps_as_Evotor_does()
    {
        var value = new DateTimeOffset(2018, 4, 17, 10, 11, 49, 393, TimeSpan.Zero);
        Assert.Equal("2018-04-17T10:11:49.393+0000", EvotorTimestampConverter.Format(value));
    }

    [Fact]
    public void A_string_list_prints_as_semicolon_separated_text()
    {
        Assert.Equal("a;b;c", new StringList(new[] { "a", "b", "c" }).ToString());
        Assert.Equal("", new StringList().ToString());
    }
}

public class EvotorTimestampBytesTests
{
    [Theory]
    [InlineData("2018-04-17T10:11:49.393+0000")]
    [InlineData("2018-04-17T10:11:49.393+0300")]
    [InlineData("2018-04-17T10:11:49.393-0130")]
    [InlineData("2024-02-29T23:59:59.999+1400")]
    [InlineData("2000-01-01T00:00:00.000-1200")]
    [InlineData("2018-04-17T10:11:49.393+03:00")] // ISO with a colon: the string path
    [InlineData("2018-04-17T10:11:49+0300")]      // no milliseconds: the string path
    [InlineData("2018-04-17T10:11:49.3930000Z")]
    public void Reading_from_the_bytes_gives_what_the_string_path_gives(string text)
    {
        Assert.True(EvotorTimestampConverter.TryParse(text, out var expected));

        var product = System.Text.Json.JsonSerializer.Deserialize("{\"id\":\"p\",\"updated_at\":\"" + text + "\"}", EvotorJsonContext.Default.Product)!;

        Assert.Equal(expected, product.UpdatedAt);
        Assert.Equal(expected.Offset, product.UpdatedAt!.Value.Offset);
    }

    [Theory]
    [InlineData("2018-02-30T10:11:49.393+0000")]
    [InlineData("2018-13-01T10:11:49.393+0000")]
    [InlineData("2018-04-17T24:11:49.393+0000")]
    [InlineData("2018-04-17T10:11:49.393+1500")]
    [InlineData("2018-04-17T10:1x:49.393+0000")]
    public void Out_of_range_or_malformed_timestamps_are_refused_as_before(string text)
    {
        Assert.False(EvotorTimestampConverter.TryParseEvotorForm(System.Text.Encoding.ASCII.GetBytes(text), out _));
        Assert.Throws<System.Text.Json.JsonException>(() =>
            System.Text.Json.JsonSerializer.Deserialize("{\"id\":\"p\",\"updated_at\":\"" + text + "\"}", EvotorJsonContext.Default.Product));
    }
}
