using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.PlanFix;

// Files: a task's files, one file, file.upload (one XML call, the content as base64; a name already on the task is
// 9006 with the file's id and name unless newversion=1) and file.download, which answers as the reference says: the
// file's bytes (200), or a 302 to where they are. Files with id % 3 == 0 come as bytes, 1 redirect on this host, 2 to
// another host name of this machine (localhost ⇄ 127.0.0.1), whose link refuses any Authorization header: a client
// must not carry PlanFix credentials to another host.
internal sealed partial class PlanFixEndpoints
{
    public const string FilesPath = "/planfix/files/";

    private Task FileListAsync(Call call)
    {
        var task = ByIdOrGeneral(call.Root.Element("task"), "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound);
        var links = call.Root.Element("returnDownloadLinks")?.Value.Trim() == "1";
        var files = Latest(_seed.Files.Where(f => f.TaskId == task.Id)).ToList();
        return ListAsync(call, "files", files, (w, f) => _write.File(w, f, links ? Link(call.Context, f, otherHost: false) : null));
    }

    private Task FileGetAsync(Call call)
    {
        var id = RequiredLong(call.Root.Element("file")?.Element("id"), "file/id");
        var file = Latest(_seed.Files.Where(f => f.Id == id)).FirstOrDefault() ?? throw new PlanFixError("9002", $"Файл {id} не найден");
        return OneAsync(call, file, (w, f) => _write.File(w, f, Link(call.Context, f, otherHost: false)));
    }

    private Task FileUploadAsync(Call call)
    {
        var task = ByIdOrGeneral(call.Root.Element("task"), "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound);
        var target = call.Root.Element("target")?.Value.Trim().ToLowerInvariant() ?? "action";
        if (target is not ("task" or "action")) throw PlanFixError.BadValue("target", target);
        var files = call.Root.Element("files")?.Elements("file").ToList() ?? [];
        if (files.Count == 0) throw new PlanFixError("9004", "Список файлов пуст");
        var added = new List<SeedPlanFixFile>();
        foreach (var f in files)
        {
            var name = f.Element("name")?.Value.Trim() ?? "";
            if (name.Length == 0) throw PlanFixError.Missing("files/file/name");
            if (name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0) throw new PlanFixError("9005", $"Недопустимый символ в имени файла {name}");
            var source = f.Element("sourceType")?.Value.Trim().ToUpperInvariant() ?? "FILESYSTEM";
            if (source != "FILESYSTEM") throw new PlanFixError("0018", $"Источник {source} эмулятор не поддерживает");
            byte[] content;
            try
            {
                content = Convert.FromBase64String(f.Element("body")?.Value ?? "");
            }
            catch (FormatException)
            {
                throw PlanFixError.BadValue("files/file/body", "(не base64)");
            }
            var (file, taken) = _seed.AddFile(task.Id, name, f.Element("description")?.Value ?? "", content, call.UserId, f.Element("newversion")?.Value.Trim() == "1");
            if (taken is not null) return DuplicateAsync(call, taken);
            added.Add(file!);
        }
        if (target == "action")
            _seed.AddAction(task.Id, id => new SeedPlanFixAction(id, task.Id, "", _seed.Generator.Local(_time.GetUtcNow()), call.UserId)
                { Type = "FILE", FileIds = added.Select(f => f.Id).ToList() });
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.List("files", "file", added, (w, f) =>
            {
                w.Element("uniqueId", f.UniqueId);
                w.Element("name", f.Name);
            });
        });
    }

    /// <summary>9006: the answer names the file already there (<c>&lt;id&gt;</c>, <c>&lt;name&gt;</c>), as the reference shows.</summary>
    private static Task DuplicateAsync(Call call, SeedPlanFixFile taken) =>
        PlanFixXml.WriteAsync(call.Context, 200, w =>
        {
            w.WriteStartElement("response");
            w.WriteAttributeString("status", "error");
            w.Element("code", "9006");
            w.Element("message", $"Файл с именем {taken.Name} уже есть у задачи");
            w.Element("id", taken.Id);
            w.Element("name", taken.Name);
            w.WriteEndElement();
        });

    /// <summary>file.download: <c>file/id</c> (the newest version) or <c>file/uniqueId</c> (that version).</summary>
    private async Task FileDownloadAsync(Call call)
    {
        var element = call.Root.Element("file");
        var id = OptionalLong(element?.Element("id"), "file/id");
        var uniqueId = OptionalLong(element?.Element("uniqueId"), "file/uniqueId");
        if (id is null && uniqueId is null) throw PlanFixError.Missing("file/id или file/uniqueId");
        var file = id is { } i ? Latest(_seed.Files.Where(f => f.Id == i)).FirstOrDefault() : _seed.Files.FirstOrDefault(f => f.UniqueId == uniqueId);
        if (file is null)
        {
            await PlanFixXml.WriteErrorAsync(call.Context, "9002", "Файл не найден", 404);
            return;
        }
        switch (file.Id % 3)
        {
            case 0:
                await WriteFileAsync(call.Context, file);
                return;
            default:
                call.Context.Response.StatusCode = 302;
                call.Context.Response.Headers.Location = file.Id % 3 == 1 ? Link(call.Context, file, otherHost: false) : Link(call.Context, file, otherHost: true);
                return;
        }
    }

    /// <summary>GET /planfix/files/{uniqueId}/{token}: where a download redirects. A link to "another host" refuses a
    /// request that carries an Authorization header (400), so a test sees credentials that followed it.</summary>
    public async Task FileLinkAsync(HttpContext context, long uniqueId, string token)
    {
        var file = _seed.Files.FirstOrDefault(f => f.UniqueId == uniqueId);
        if (file is null || token != Token(file))
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (context.Request.Query.ContainsKey("external") && context.Request.Headers.Authorization.Count > 0)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("credentials were sent to a file host that is not PlanFix's", context.RequestAborted);
            return;
        }
        await WriteFileAsync(context, file);
    }

    private static Task WriteFileAsync(HttpContext context, SeedPlanFixFile file)
    {
        context.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
            { FileNameStar = file.Name, FileName = "file" + Path.GetExtension(file.Name) }.ToString();
        return Answer.WriteAsync(context, 200, "application/octet-stream", file.Content);
    }

    /// <summary>A file's link: on the host the request came to, or (<paramref name="otherHost"/>) on this machine's other name.</summary>
    private static string Link(HttpContext context, SeedPlanFixFile file, bool otherHost)
    {
        var request = context.Request;
        var host = request.Host.Host;
        if (otherHost) host = host == "localhost" ? "127.0.0.1" : "localhost";
        var port = request.Host.Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : "";
        return $"{request.Scheme}://{host}{port}{FilesPath}{file.UniqueId}/{Token(file)}" + (otherHost ? "?external=1" : "");
    }

    private static string Token(SeedPlanFixFile file) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("planfix-file:" + file.UniqueId.ToString(CultureInfo.InvariantCulture))))[..16].ToLowerInvariant();

    /// <summary>The newest version of each file.</summary>
    private static IEnumerable<SeedPlanFixFile> Latest(IEnumerable<SeedPlanFixFile> files) =>
        files.GroupBy(f => f.Id).Select(g => g.OrderBy(f => f.Version).Last()).OrderBy(f => f.Id);
}
