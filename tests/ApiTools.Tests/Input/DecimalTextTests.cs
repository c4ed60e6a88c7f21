using ApiTools.Input;

namespace ApiTools.Tests.Input;

public class DecimalTextTests
{
    [Theory]
    [InlineData("12.5", "12.5")]
    [InlineData("12,5", "12.5")]      // what Export-Csv writes under ru-RU
    [InlineData(" 7 ", "7")]
    [InlineData("-0,125", "-0.125")]
    [InlineData("+3.10", "3.10")]
    public void Reads_one_dot_or_comma_as_the_decimal_point(string text, string expected)
    {
        Assert.True(DecimalText.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1,234.5")]   // en-US thousands separator: refused, never guessed
    [InlineData("1.234,5")]
    [InlineData("1 234,5")]
    [InlineData("12,")]
    [InlineData(",5")]
    [InlineData("1e3")]
    [InlineData("abc")]
    [InlineData("")]
    public void Refuses_thousands_separators_and_anything_else(string text)
    {
        Assert.False(DecimalText.TryParse(text, out _));
    }

    [Theory]
    [InlineData("12.50", 1)]
    [InlineData("12.345", 3)]
    [InlineData("100", 0)]
    public void Scale_ignores_trailing_zeros(string text, int scale)
    {
        Assert.True(DecimalText.TryParse(text, out var value));
        Assert.Equal(scale, DecimalText.Scale(value));
    }
}
