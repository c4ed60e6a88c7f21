using ApiTools.PlanFix.Serialization;

namespace ApiTools.Tests.PlanFix;

/// <summary>What a PlanFix description reads as, and what an edited or unedited one writes back.</summary>
public class PlanFixHtmlTests
{
    [Theory]
    [InlineData("<p>Задача №5: <b>смета</b>.</p><p>Ответственный &mdash; Иванов</p>", "Задача №5: смета.\nОтветственный — Иванов")]
    [InlineData("строка<br>вторая<br />третья", "строка\nвторая\nтретья")]
    [InlineData("<ul><li>один</li><li>два</li></ul>", "• один\n• два")]
    [InlineData("Просто текст &amp; знак", "Просто текст & знак")]
    [InlineData("<div>\n  много    пробелов\n</div>", "много пробелов")]
    [InlineData("<style>p{color:red}</style><p>видно</p>", "видно")]
    [InlineData("", "")]
    public void Html_reads_as_the_text_people_see(string html, string text) =>
        Assert.Equal(text, PlanFixHtml.Text(html));

    [Fact]
    public void An_unedited_text_writes_its_HTML_back_an_edited_one_writes_itself()
    {
        const string html = "<p>Первая</p><p>Вторая <b>жирная</b></p>";
        var read = PlanFixHtml.Text(html)!;

        Assert.Equal(html, PlanFixHtml.ForWrite(read, html));
        Assert.Equal(html, PlanFixHtml.ForWrite(read.Replace("\n", "\r\n") + " ", html)); // line endings and trailing spaces are no edit
        Assert.Equal("Другая", PlanFixHtml.ForWrite("Другая", html));
        Assert.Equal("Только текст", PlanFixHtml.ForWrite("Только текст", null));
        Assert.Equal(html, PlanFixHtml.ForWrite(null, html));
        Assert.Null(PlanFixHtml.ForWrite(null, null));
    }
}
