using ApiTools.Evotor.Json;

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
