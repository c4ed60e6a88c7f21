namespace ApiTools.Emulator;

/// <summary>
/// Route keys of the PlanFix endpoint, as <see cref="RequestCounter"/>, /_emulator/requests and fault rules name
/// them: one key per XML method (<c>POST /planfix/xml/ task.getList</c>), whichever of <c>/planfix/xml</c> and
/// <c>/planfix/xml/</c> was called. A body that is not a PlanFix request (bad XML, no <c>method</c>) counts
/// under <see cref="Unparsed"/>.
/// </summary>
public static class PlanFixRouteKeys
{
    /// <summary>The key of requests whose method could not be read.</summary>
    public const string Unparsed = "POST /planfix/xml/";

    /// <summary>auth.login.</summary>
    public const string AuthLogin = "POST /planfix/xml/ auth.login";

    /// <summary>task.getList.</summary>
    public const string TaskGetList = "POST /planfix/xml/ task.getList";

    /// <summary>task.get.</summary>
    public const string TaskGet = "POST /planfix/xml/ task.get";

    /// <summary>task.add.</summary>
    public const string TaskAdd = "POST /planfix/xml/ task.add";

    /// <summary>task.update.</summary>
    public const string TaskUpdate = "POST /planfix/xml/ task.update";

    /// <summary>project.getList.</summary>
    public const string ProjectGetList = "POST /planfix/xml/ project.getList";

    /// <summary>project.get.</summary>
    public const string ProjectGet = "POST /planfix/xml/ project.get";

    /// <summary>contact.getList.</summary>
    public const string ContactGetList = "POST /planfix/xml/ contact.getList";

    /// <summary>contact.get.</summary>
    public const string ContactGet = "POST /planfix/xml/ contact.get";

    /// <summary>user.getList.</summary>
    public const string UserGetList = "POST /planfix/xml/ user.getList";

    /// <summary>user.get.</summary>
    public const string UserGet = "POST /planfix/xml/ user.get";

    /// <summary>action.getList.</summary>
    public const string ActionGetList = "POST /planfix/xml/ action.getList";

    /// <summary>action.add.</summary>
    public const string ActionAdd = "POST /planfix/xml/ action.add";

    /// <summary>task.changeStatus.</summary>
    public const string TaskChangeStatus = "POST /planfix/xml/ task.changeStatus";

    /// <summary>taskStatus.getSetList.</summary>
    public const string TaskStatusSetList = "POST /planfix/xml/ taskStatus.getSetList";

    /// <summary>taskStatus.getListOfSet.</summary>
    public const string TaskStatusListOfSet = "POST /planfix/xml/ taskStatus.getListOfSet";

    /// <summary>project.add.</summary>
    public const string ProjectAdd = "POST /planfix/xml/ project.add";

    /// <summary>project.update.</summary>
    public const string ProjectUpdate = "POST /planfix/xml/ project.update";

    /// <summary>contact.add.</summary>
    public const string ContactAdd = "POST /planfix/xml/ contact.add";

    /// <summary>contact.update.</summary>
    public const string ContactUpdate = "POST /planfix/xml/ contact.update";

    /// <summary>action.get.</summary>
    public const string ActionGet = "POST /planfix/xml/ action.get";

    /// <summary>analitic.getList.</summary>
    public const string AnaliticGetList = "POST /planfix/xml/ analitic.getList";

    /// <summary>analitic.getOptions.</summary>
    public const string AnaliticGetOptions = "POST /planfix/xml/ analitic.getOptions";

    /// <summary>handbook.getList.</summary>
    public const string HandbookGetList = "POST /planfix/xml/ handbook.getList";

    /// <summary>handbook.getStructure.</summary>
    public const string HandbookGetStructure = "POST /planfix/xml/ handbook.getStructure";

    /// <summary>handbook.getRecords.</summary>
    public const string HandbookGetRecords = "POST /planfix/xml/ handbook.getRecords";

    /// <summary>handbook.getRecord.</summary>
    public const string HandbookGetRecord = "POST /planfix/xml/ handbook.getRecord";

    /// <summary>handbook.getRecordMulti.</summary>
    public const string HandbookGetRecordMulti = "POST /planfix/xml/ handbook.getRecordMulti";

    /// <summary>handbook.addRecord.</summary>
    public const string HandbookAddRecord = "POST /planfix/xml/ handbook.addRecord";

    /// <summary>handbook.updateRecord.</summary>
    public const string HandbookUpdateRecord = "POST /planfix/xml/ handbook.updateRecord";

    /// <summary>file.getListForTask.</summary>
    public const string FileGetListForTask = "POST /planfix/xml/ file.getListForTask";

    /// <summary>file.get.</summary>
    public const string FileGet = "POST /planfix/xml/ file.get";

    /// <summary>file.upload.</summary>
    public const string FileUpload = "POST /planfix/xml/ file.upload";

    /// <summary>file.download.</summary>
    public const string FileDownload = "POST /planfix/xml/ file.download";

    /// <summary>A file link a download redirects to (GET, outside the XML API).</summary>
    public const string FileLink = "GET /planfix/files/{uniqueId:long}/{token}";

    /// <summary>The key of any method name (<c>Method("task.getList")</c>), served or not.</summary>
    public static string Method(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return Unparsed + " " + method;
    }
}
