using System.Xml.Linq;
using ApiTools.PlanFix.Requests;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Contract;

/// <summary>
/// What the client sends is what the reference documents: every element of each request the typed methods make is in
/// the published requests of that method (the reference's skeletons, its curl samples, a production client's recorded
/// requests). task.update sends the task whole in the skeleton's shape; task.changeStatus's status stands at the root.
/// </summary>
public class PlanFixRequestConformanceTests
{
    private const string Ok = "<response status=\"ok\"><task><id>5</id><general>7</general></task><contact><id>5</id><general>7</general></contact>" +
                              "<project><id>5</id></project><action><id>5</id></action><key>5</key><files><file><uniqueId>9</uniqueId><name>a.txt</name></file></files></response>";

    [Fact]
    public async Task Every_element_the_writes_send_is_in_the_published_requests()
    {
        var read = Corpus.Read("planfix/task.get/planfix-go-fixture.response.xml");
        var structure = "<response status=\"ok\"><handbook><id>131</id><name>Виды работ</name><fields><field><id>1311</id><name>Название</name><type>STRING</type></field></fields></handbook></response>";
        var options = Corpus.Read("planfix/analitic.getOptions/planfix-go-fixture.response.xml");
        var contact = "<response status=\"ok\"><contact><id>5</id><customData><customValue><field><id>201</id><name>ИНН</name></field><value/><text/></customValue></customData></contact></response>";
        var project = "<response status=\"ok\"><project><id>5</id><customData><customValue><field><id>301</id><name>Бюджет</name></field><value/><text/></customValue></customData></project></response>";
        var record = "<response status=\"ok\"><record><key>5</key><isGroup>0</isGroup><customData/></record></response>";
        var (client, handler) = PlanFixReplay.With(null,
            ("task.get", read), ("handbook.getStructure", structure), ("handbook.getRecord", record), ("analitic.getOptions", options),
            ("contact.get", contact), ("contact.getList", contact.Replace("<contact>", "<contacts totalCount=\"1\"><contact>").Replace("</contact>", "</contact></contacts>")),
            ("project.get", project), ("project.getList", project.Replace("<project>", "<projects totalCount=\"1\"><project>").Replace("</project>", "</project></projects>")),
            ("task.getList", "<response status=\"ok\"><tasks totalCount=\"0\"/></response>"));
        handler.When(_ => true, _ => CannedAnswers.Answer(Ok, "application/xml"));
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "данные");
        try
        {
            // The change first: reading the task teaches the connection its custom fields, which the add then names.
            await client.SetTaskAsync(1128468, new PlanFixTaskDraft { Title = "Другое", Status = "COMPLETED", CustomFields = new PlanFixCustomValues { { "72", 5 } } }, silent: true);
            await client.AddTaskAsync(new PlanFixTaskDraft
            {
                Title = "T", Description = "D", Importance = "HIGH", Status = "ACTIVE", OwnerId = 1, ProjectId = 2, ClientId = 3, ParentId = 4,
                WorkerIds = new long[] { 5 }, WorkerGroupIds = new long[] { 6 }, StartTime = DateTimeOffset.Now, EndTime = DateTimeOffset.Now.AddDays(1),
                CustomFields = new PlanFixCustomValues { { "Выработка, мин", 10 } },
            });
            await client.AddCommentAsync(525330, "Комментарий", new[]
            {
                new PlanFixAnaliticRow("263", new PlanFixCustomValues { { "Вид работы", 725 }, { "Дата", DateTime.Today }, { "Кол-во", 5 }, { "Комментарий / ссылка", "" }, { "Сотрудник", 8152 } }),
            });
            await client.AddContactAsync(new PlanFixContactDraft
            {
                TemplateId = 700, Name = "И", MidName = "О", LastName = "Ф", IsCompany = false, Post = "П", Email = "e@x.ru", Phones = new[] { "+7" },
                Address = "А", Description = "Д", Sex = "MALE", Site = "s", Skype = "k", Birthdate = DateTimeOffset.Now, GroupId = 1, CanBeWorker = true,
                CanBeClient = true, CustomFields = new PlanFixCustomValues { { "ИНН", "77" } },
            });
            await client.SetContactAsync(new PlanFixContactDraft { Id = 5, Name = "Н", Phones = new[] { "+7" }, CustomFields = new PlanFixCustomValues { { "ИНН", "78" } } }, silent: true);
            await client.AddProjectAsync(new PlanFixProjectDraft
            {
                Title = "P", Description = "D", OwnerId = 1, ClientId = 2, Status = "ACTIVE", Hidden = false, EndDate = DateTimeOffset.Now, GroupId = 3, ParentId = 4,
                WorkerIds = new long[] { 5 }, CustomFields = new PlanFixCustomValues { { "Бюджет", 1 } },
            });
            await client.SetProjectAsync(new PlanFixProjectDraft { Id = 5, Title = "P2", CustomFields = new PlanFixCustomValues { { "Бюджет", 2 } } }, silent: true);
            await client.AddHandbookRecordAsync("131", new PlanFixHandbookRecordDraft { ParentKey = 1, Archived = false, Values = new PlanFixCustomValues { { "Название", "x" } } });
            await client.AddHandbookRecordAsync("131", new PlanFixHandbookRecordDraft { IsGroup = true, Name = "Группа" });
            await client.UpdateHandbookRecordAsync("131", new PlanFixHandbookRecordDraft { Key = 5, Values = new PlanFixCustomValues { { "Название", "y" } } }, readBack: false);
            await client.UploadFileAsync(1, file, description: "описание", newVersion: true);
        }
        finally
        {
            File.Delete(file);
        }

        var failures = new List<string>();
        foreach (var sent in handler.Requests)
        {
            var method = PlanFixReplay.Method(sent)!;
            if (method.Contains(".get", StringComparison.Ordinal) || method.StartsWith("taskStatus", StringComparison.Ordinal)) continue;
            var published = Paths(Directory.GetFiles(Path.Combine(Corpus.Root, "planfix", method), "*.request.xml").Select(f => XElement.Parse(File.ReadAllText(f))));
            // "В корень любого запроса возможно добавить параметр <silent>1</silent>" (the reference's XML API page).
            published.Add("/silent");
            foreach (var path in Paths(new[] { XElement.Parse(sent.Body!) }))
                if (!published.Contains(path)) failures.Add($"{method}: {path}");
        }
        Assert.True(failures.Count == 0, "Elements sent that no published request of the method has:\n  " + string.Join("\n  ", failures.Distinct()));
        Assert.Contains(handler.Requests, s => PlanFixReplay.Method(s) == "task.changeStatus" && XElement.Parse(s.Body!).Element("status")?.Value == "COMPLETED");
        var update = XElement.Parse(handler.Requests.Single(s => PlanFixReplay.Method(s) == "task.update").Body!);
        // The task whole: what it had (its workers, custom values, dates) with the change.
        Assert.Equal("Другое", update.Element("task")!.Element("title")!.Value);
        Assert.Equal(new[] { "9230" }, update.Element("task")!.Element("workers")!.Element("users")!.Elements("id").Select(e => e.Value));
        Assert.Equal("4717", update.Element("task")!.Element("workers")!.Element("groups")!.Element("id")!.Value);
        Assert.Equal(5, update.Element("task")!.Element("customData")!.Elements("customValue").Count());
        Assert.Equal(("1", "03-02-2018"), (update.Element("task")!.Element("startDateIsSet")!.Value, update.Element("task")!.Element("startDate")!.Value));
    }

    private static HashSet<string> Paths(IEnumerable<XElement> requests)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(XElement e, string path)
        {
            paths.Add(path);
            foreach (var child in e.Elements()) Walk(child, path + "/" + child.Name.LocalName);
        }
        foreach (var request in requests)
            foreach (var child in request.Elements()) Walk(child, "/" + child.Name.LocalName);
        return paths;
    }
}
