using System.Globalization;
using System.Text;

namespace ApiTools.PowerShell.Base;

/// <summary>Lets an -Encoding parameter take what PowerShell's own file cmdlets take: an encoding name (utf-8,
/// windows-1251, koi8-r), a code page number (1251) or an Encoding object. A name this system does not know is an error
/// naming the value and what to give instead.</summary>
public sealed class TextEncodingTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case Encoding encoding:
                return encoding;
            case int codePage:
                return ByCodePage(codePage, codePage.ToString(CultureInfo.InvariantCulture));
            case string text:
                var name = text.Trim();
                if (name.Equals("utf8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("utf8NoBOM", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8BOM", StringComparison.OrdinalIgnoreCase))
                    return new UTF8Encoding(false);
                if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return ByCodePage(number, name);
                try
                {
                    return Encoding.GetEncoding(name);
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException)
                {
                    throw Unknown(name);
                }
            default:
                return value!;
        }
    }

    private static Encoding ByCodePage(int codePage, string given)
    {
        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw Unknown(given);
        }
    }

    private static ArgumentTransformationMetadataException Unknown(string given) =>
        new($"'{given}' is not an encoding this system knows: give a name such as utf-8 or windows-1251, or a code page number such as 1251.");
}
