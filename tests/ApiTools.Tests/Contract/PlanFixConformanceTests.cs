using System.Collections;
using System.Xml.Linq;
using ApiTools.Emulator;
using ApiTools.Errors;
using ApiTools.PlanFix;
using ApiTools.Tests.PlanFix;

namespace ApiTools.Tests.Contract;

/// <summary>
/// The emulator answers in at least the corpus's shapes: for every method folder of tests/contract/planfix, every
/// element and attribute the published answers have (the reference's skeletons and the answers recorded from a real
/// account) is in the emulator's answers too, of the same XML kind (text, or an element with children). So our tests
/// stop agreeing with our own reading alone. Not compared: the <c>account</c>, <c>sid</c> and <c>signature</c> the
/// task.get skeleton puts in its answer (a real answer has none), and the generic envelope.
/// </summary>
public class PlanFixConformanceTests
{
    private static readonly HashSet<string> SkeletonOnly = new(StringComparer.Ordinal) { "/account", "/sid", "/signature" };

    [Fact]
    public async Task Every_method_answers_with_the_corpus_elements_of_the_same_kind()
    {
        await using var server = await PlanFixTest.StartAsync();
        var client = PlanFixTest.TokenClient(server, options: PlanFixTest.Options(rate: 1000));
        var pf = server.PlanFix;
        var answers = new Dictionary<string, List<XElement>>(StringComparer.Ordinal);

        async Task Call(string method, object? parameters)
        {
            var answer = await client.InvokeAsync(method, parameters);
            if (!answers.TryGetValue(method, out var list)) answers[method] = list = new List<XElement>();
            list.Add(answer);
        }
        static Hashtable Ref(string element, object id, string key = "id") => new() { [element] = new Hashtable { [key] = id } };

        // Reads, over enough items to meet every optional part (periodic tasks, files, analitic rows, status changes…).
        await Call("task.getList", new Hashtable { ["pageCurrent"] = 1, ["pageSize"] = 100 });
        foreach (var t in pf.Tasks.Take(60)) await Call("task.get", Ref("task", t.Id));
        await Call("task.getMulti", new Hashtable { ["tasks"] = new Hashtable { ["id"] = pf.Tasks.Take(3).Select(t => t.Id).ToArray() } });
        await Call("task.getPossibleStatusToChange", Ref("task", pf.Tasks[0].Id));
        await Call("taskStatus.getSetList", null);
        foreach (var set in new[] { 1, 2 }) await Call("taskStatus.getListOfSet", Ref("taskStatusSet", set));
        await Call("project.getList", new Hashtable { ["pageCurrent"] = 1 });
        foreach (var p in pf.Projects) await Call("project.get", Ref("project", p.Id));
        await Call("contact.getList", new Hashtable { ["pageCurrent"] = 1 });
        foreach (var c in pf.Contacts.Take(12)) await Call("contact.get", Ref("contact", c.Id));
        await Call("contact.getPhoneTypes", null);
        await Call("user.getList", new Hashtable { ["pageCurrent"] = 1 });
        foreach (var u in pf.Users) await Call("user.get", Ref("user", u.Id));
        await Call("action.add", new Hashtable { ["action"] = new Hashtable { ["description"] = "Контакту", ["contact"] = new Hashtable { ["general"] = pf.Contacts[0].General } } });
        var actions = pf.Tasks.Take(40).SelectMany(t => pf.ActionsOf(t.Id)).ToList();
        foreach (var a in actions.Concat(pf.ActionsOfContact(pf.Contacts[0].General))) await Call("action.get", Ref("action", a.Id));
        foreach (var t in pf.Tasks.Take(10)) await Call("action.getList", Ref("task", t.Id));
        await Call("analitic.getList", null);
        foreach (var id in new[] { 263, 264 }) await Call("analitic.getOptions", Ref("analitic", id));
        await Call("analitic.getHandbook", Ref("handbook", 131));
        var keys = actions.SelectMany(a => a.Analitics).Select(d => d.Key).ToArray();
        await Call("analitic.getData", new Hashtable { ["analiticKeys"] = new Hashtable { ["key"] = keys } });
        await Call("handbook.getList", null);
        foreach (var id in new[] { 131, 132 }) await Call("handbook.getStructure", Ref("handbook", id));
        await Call("handbook.getRecords", new Hashtable { ["handbook"] = new Hashtable { ["id"] = 131 }, ["pageCurrent"] = 1 });
        await Call("handbook.getRecord", new Hashtable { ["handbook"] = new Hashtable { ["id"] = 131 }, ["key"] = 1 });
        await Call("handbook.getRecordMulti", new Hashtable { ["handbook"] = new Hashtable { ["id"] = 131 }, ["records"] = new Hashtable { ["key"] = new[] { 1, 2 } } });
        var withFiles = pf.Files.Select(f => f.TaskId).Distinct().Take(3).ToList();
        foreach (var t in withFiles) await Call("file.getListForTask", Ref("task", t));
        foreach (var f in pf.Files.Take(3)) await Call("file.get", Ref("file", f.Id));

        // Writes.
        var task = pf.Tasks[3];
        await Call("task.add", new Hashtable { ["task"] = new Hashtable { ["title"] = "Проверка формы" } });
        await Call("task.update", new Hashtable { ["task"] = new Hashtable { ["id"] = task.Id, ["title"] = task.Title } });
        await Call("task.changeStatus", new Hashtable { ["task"] = new Hashtable { ["id"] = task.Id }, ["status"] = 2 });
        await Call("task.updateCustomData", new Hashtable { ["task"] = new Hashtable { ["id"] = task.Id } });
        await Call("project.add", new Hashtable { ["project"] = new Hashtable { ["title"] = "Проверка формы" } });
        await Call("project.update", Ref("project", pf.Projects[0].Id));
        await Call("contact.add", new Hashtable { ["contact"] = new Hashtable { ["name"] = "Проверка" } });
        await Call("contact.update", Ref("contact", pf.Contacts[1].Id));
        await Call("contact.updateCustomData", Ref("contact", pf.Contacts[1].Id));
        await Call("handbook.addRecord", new Hashtable { ["handbook"] = new Hashtable { ["id"] = 131 }, ["customData"] = new Hashtable { ["customValue"] = new Hashtable { ["id"] = 1311, ["value"] = "Новая" } } });
        await Call("handbook.updateRecord", new Hashtable { ["handbook"] = new Hashtable { ["id"] = 131 }, ["key"] = 1 });
        var upload = new Hashtable
        {
            ["task"] = new Hashtable { ["id"] = task.Id },
            ["files"] = new Hashtable { ["file"] = new Hashtable { ["name"] = "a.txt", ["sourceType"] = "FILESYSTEM", ["body"] = Convert.ToBase64String(new byte[] { 1, 2 }) } },
        };
        await Call("file.upload", upload);
        // The same name again: the error answer, with the file already there (read raw: the client turns it into an exception).
        using (var http = new HttpClient { BaseAddress = server.PlanFixBaseUri })
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(PlanFixTest.ApiKey + ":" + PlanFixTest.Token)));
            var body = $"<request method=\"file.upload\"><account>demo</account><task><id>{task.Id}</id></task><files><file><name>a.txt</name>" +
                       "<sourceType>FILESYSTEM</sourceType><body>AQI=</body></file></files></request>";
            var raw = await (await http.PostAsync("", new StringContent(body, System.Text.Encoding.UTF8, "application/xml"))).Content.ReadAsStringAsync();
            answers["file.upload"].Add(XElement.Parse(raw));
            Assert.Equal("9006", XElement.Parse(raw).Element("code")!.Value);
        }

        var failures = new List<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(Corpus.Root, "planfix")).Select(Path.GetFileName).OfType<string>().OrderBy(f => f, StringComparer.Ordinal))
        {
            if (folder is "_envelope" or "error" or "file.download" or "auth.login") continue;
            var corpus = Shape(CorpusAnswers(folder));
            if (corpus.Count == 0) continue;
            if (!answers.TryGetValue(folder, out var ours)) { failures.Add($"{folder}: the test made no call"); continue; }
            var emulator = Shape(ours);
            foreach (var (path, kinds) in corpus)
            {
                if (folder == "task.get" && SkeletonOnly.Contains(path)) continue;
                if (!emulator.TryGetValue(path, out var got)) failures.Add($"{folder}: {path} missing");
                else if (kinds.Contains('C') && !got.Contains('C')) failures.Add($"{folder}: {path} has no children in the emulator's answers");
                else if (!kinds.Contains('C') && kinds.Contains('L') && !got.Contains('L')) failures.Add($"{folder}: {path} is not text in the emulator's answers");
            }
        }
        Assert.True(failures.Count == 0, "The emulator lacks shapes of the corpus:\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public async Task Errors_and_logins_answer_in_the_corpus_shapes()
    {
        await using var server = await PlanFixTest.StartAsync();
        using var http = new HttpClient { BaseAddress = server.PlanFixBaseUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(PlanFixTest.ApiKey + ":")));
        async Task<XElement> Post(string body) => XElement.Parse(await (await http.PostAsync("", new StringContent(body, System.Text.Encoding.UTF8, "application/xml"))).Content.ReadAsStringAsync());

        var login = await Post("<request method=\"auth.login\"><account>demo</account><login>demo</login><password>demo-password</password></request>");
        var error = await Post("<request method=\"auth.login\"><account>demo</account><login>demo</login><password>wrong</password></request>");

        foreach (var (folder, answer) in new[] { ("auth.login", login), ("error", error) })
        {
            var ours = Shape(new[] { answer });
            Assert.All(Shape(CorpusAnswers(folder)), kv => Assert.True(ours.ContainsKey(kv.Key), $"{folder}: {kv.Key} missing"));
        }
        Assert.Equal(32, login.Element("sid")!.Value.Length);
    }

    /// <summary>The parseable answers of a folder, and its malformed skeletons with their unclosed tags closed.</summary>
    private static IEnumerable<XElement> CorpusAnswers(string folder)
    {
        var dir = Path.Combine(Corpus.Root, "planfix", folder);
        foreach (var file in Directory.GetFiles(dir, "*.response.xml")) yield return XElement.Parse(File.ReadAllText(file));
        foreach (var file in Directory.GetFiles(dir, "*.response.xmlish"))
        {
            XElement? repaired = null;
            try { repaired = XElement.Parse(PlanFixReplay.Repaired(File.ReadAllText(file))); }
            catch (System.Xml.XmlException) { /* a body that is broken beyond the skeleton's two tags (the recorded invalid XML) */ }
            if (repaired is not null) yield return repaired;
        }
    }

    /// <summary>Every path under the answers' roots with its kinds: C (has children), L (text), A (attribute).</summary>
    private static Dictionary<string, HashSet<char>> Shape(IEnumerable<XElement> answers)
    {
        var shape = new Dictionary<string, HashSet<char>>(StringComparer.Ordinal);
        void Walk(XElement e, string path)
        {
            Add(path, e.HasElements ? 'C' : 'L');
            foreach (var a in e.Attributes()) Add(path + "/@" + a.Name.LocalName, 'A');
            foreach (var child in e.Elements()) Walk(child, path + "/" + child.Name.LocalName);
        }
        void Add(string path, char kind)
        {
            if (!shape.TryGetValue(path, out var kinds)) shape[path] = kinds = new HashSet<char>();
            kinds.Add(kind);
        }
        foreach (var answer in answers)
            foreach (var child in answer.Elements()) Walk(child, "/" + child.Name.LocalName);
        return shape;
    }
}
