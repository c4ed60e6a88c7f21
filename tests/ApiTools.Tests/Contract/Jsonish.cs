using System.Text;

namespace ApiTools.Tests.Contract;

/// <summary>
/// The published pages that were cut off (.jsonish), made readable without changing a character of what was published:
/// the text is cut back to the end of its last complete value and the brackets still open there are closed. The
/// Postman field-schema pages write every quote of an example twice (<c>""1""</c>); <see cref="Schema"/> undoes that
/// first. What comes out is a prefix of the page: every item and every leaf in it was published.
/// </summary>
public static class Jsonish
{
    /// <summary>The longest complete prefix of <paramref name="text"/>, closed.</summary>
    public static string Close(string text)
    {
        var stack = new Stack<char>();
        var inString = false;
        var escaped = false;
        var scalar = false;
        var cut = -1;
        string closers = "";

        void Completed(int end)
        {
            cut = end;
            closers = new string(stack.Select(c => c == '{' ? '}' : ']').ToArray());
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"')
                {
                    inString = false;
                    // A string that a ':' follows is a key, not a value.
                    var next = i + 1;
                    while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
                    if (next < text.Length && text[next] != ':') Completed(i + 1);
                }
                continue;
            }
            if (scalar && (c is ',' or '}' or ']' || char.IsWhiteSpace(c)))
            {
                scalar = false;
                Completed(i);
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': stack.Push(c); break;
                case '}' or ']':
                    stack.Pop();
                    Completed(i + 1);
                    break;
                case ',' or ':': break;
                default:
                    if (!char.IsWhiteSpace(c)) scalar = true;
                    break;
            }
        }
        if (stack.Count == 0 && !inString) return text; // complete as published
        if (cut < 0) throw new InvalidOperationException("No complete value in the text.");
        return text.Substring(0, cut) + closers;
    }

    /// <summary>A Postman field-schema page as JSON: doubled quotes undone, then closed.</summary>
    public static string Schema(string text) => Close(text.Replace("\"\"", "\""));

    /// <summary>Text that is JSON, whole or cut off (.json or .jsonish).</summary>
    public static bool LooksLikeJson(string text) => text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');
}
