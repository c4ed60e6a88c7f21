// HelpBuilder: docs/*.md -> <module>/<culture>/<Assembly>-Help.xml (MAML) and about_*.help.txt.
//
//   dotnet HelpBuilder.dll --docs <docs folder> --out <module folder> --assembly ApiTools.PowerShell.dll [--culture en-US]
//
// Every page is checked; each problem is printed as "file(line): error HELP001: ..." (the form MSBuild turns into
// a build error) and the exit code is 1, so incomplete help never ships. Nothing is written unless all pages pass.
using ApiTools.HelpBuilder;

var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["--culture"] = "en-US" };
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
if (args.Length % 2 != 0 || !options.ContainsKey("--docs") || !options.ContainsKey("--out") || !options.ContainsKey("--assembly"))
{
    Console.Error.WriteLine("usage: HelpBuilder --docs <docs folder> --out <module folder> --assembly <Cmdlets.dll> [--culture en-US]");
    return 2;
}

var docs = Path.GetFullPath(options["--docs"]);
var culture = Path.Combine(Path.GetFullPath(options["--out"]), options["--culture"]);
var helpFile = options["--assembly"] + "-Help.xml";
if (!Directory.Exists(docs))
{
    Console.Error.WriteLine($"error HELP001: the docs folder '{docs}' does not exist.");
    return 1;
}

var errors = 0;
var commands = new List<CommandPage>();
var abouts = new List<(string Name, string Text)>();
foreach (var file in Directory.GetFiles(docs, "*.md").OrderBy(f => f, StringComparer.Ordinal))
{
    var name = Path.GetFileNameWithoutExtension(file);
    try
    {
        var lines = Markdown.ReadLines(file);
        if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
        {
            abouts.Add((name, AboutTopic.Convert(file, lines)));
            continue;
        }
        // A page without a dash is a note (performance.md), not a cmdlet page: nothing to build from it.
        if (!name.Contains('-')) continue;
        var front = Markdown.StripFrontMatter(file, lines);
        if (front.TryGetValue("external help file", out var external) && !external.Value.Equals(helpFile, StringComparison.OrdinalIgnoreCase))
            Console.WriteLine($"{file}({external.Line}): warning HELP002: 'external help file: {external.Value}' differs from {helpFile}; the page goes into {helpFile}.");
        commands.Add(CommandPage.Parse(file, lines));
    }
    catch (HelpFormatException e)
    {
        // stdout: MSBuild's Exec reads canonical errors from there; the text names the file, line and section.
        Console.WriteLine($"{e.File}({e.SourceLineNumber}): error HELP001: {name}: {e.Message}");
        errors++;
    }
}

foreach (var duplicate in commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
{
    Console.WriteLine($"{docs}: error HELP001: more than one page for {duplicate.Key}.");
    errors++;
}
if (errors > 0)
{
    Console.WriteLine($"error HELP001: {errors} help page(s) in {docs} are malformed; no help was written.");
    return 1;
}

Directory.CreateDirectory(culture);
MamlWriter.Write(commands, Path.Combine(culture, helpFile));
foreach (var (name, text) in abouts)
    File.WriteAllText(Path.Combine(culture, name + ".help.txt"), text, new System.Text.UTF8Encoding(false));
// An about page that was deleted or renamed must not linger in the module.
foreach (var stale in Directory.GetFiles(culture, "about_*.help.txt")
             .Where(f => !abouts.Any(a => Path.GetFileName(f).Equals(a.Name + ".help.txt", StringComparison.Ordinal))))
    File.Delete(stale);
Console.WriteLine($"Help: {commands.Count} command page(s) -> {Path.Combine(culture, helpFile)}; {abouts.Count} about topic(s).");
return 0;
