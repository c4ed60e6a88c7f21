namespace ApiTools.Emulator;

/// <summary>
/// Route keys of the PlanFix endpoint, as <see cref="RequestCounter"/>, /_emulator/requests and fault rules name
/// them: one key per XML method (<c>POST /planfix/xml/ task.getList</c>), whichever of <c>/planfix/xml</c> and
/// <c>/planfix/xml/</c> was called. A body that is not a PlanFix request (bad XML, no <c>method</c>) counts
/// under <see cref="Unparsed"/>. Each key is <see cref="Method"/> of its method, so the form is written once.
/// </summary>
public static class PlanFixRouteKeys
{
    /// <summary>The key of requests whose method could not be read.</summary>
    public const string Unparsed = "POST /planfix/xml/";

    // One key per method the emulator serves, named after it.
    public static readonly string AuthLogin = Method("auth.login");
    public static readonly string TaskGetList = Method("task.getList");
    public static readonly string TaskGet = Method("task.get");
    public static readonly string TaskAdd = Method("task.add");
    public static readonly string TaskUpdate = Method("task.update");
    public static readonly string ProjectGetList = Method("project.getList");
    public static readonly string ProjectGet = Method("project.get");
    public static readonly string ContactGetList = Method("contact.getList");
    public static readonly string ContactGet = Method("contact.get");
    public static readonly string UserGetList = Method("user.getList");
    public static readonly string UserGet = Method("user.get");
    public static readonly string ActionGetList = Method("action.getList");
    public static readonly string ActionAdd = Method("action.add");
    public static readonly string TaskChangeStatus = Method("task.changeStatus");
    public static readonly string TaskStatusSetList = Method("taskStatus.getSetList");
    public static readonly string TaskStatusListOfSet = Method("taskStatus.getListOfSet");
    public static readonly string ProjectAdd = Method("project.add");
    public static readonly string ProjectUpdate = Method("project.update");
    public static readonly string ContactAdd = Method("contact.add");
    public static readonly string ContactUpdate = Method("contact.update");
    public static readonly string ActionGet = Method("action.get");
    public static readonly string AnaliticGetList = Method("analitic.getList");
    public static readonly string AnaliticGetOptions = Method("analitic.getOptions");
    public static readonly string HandbookGetList = Method("handbook.getList");
    public static readonly string HandbookGetStructure = Method("handbook.getStructure");
    public static readonly string HandbookGetRecords = Method("handbook.getRecords");
    public static readonly string HandbookGetRecord = Method("handbook.getRecord");
    public static readonly string HandbookGetRecordMulti = Method("handbook.getRecordMulti");
    public static readonly string HandbookAddRecord = Method("handbook.addRecord");
    public static readonly string HandbookUpdateRecord = Method("handbook.updateRecord");
    public static readonly string FileGetListForTask = Method("file.getListForTask");
    public static readonly string FileGet = Method("file.get");
    public static readonly string FileUpload = Method("file.upload");
    public static readonly string FileDownload = Method("file.download");

    /// <summary>A file link a download redirects to (GET, outside the XML API).</summary>
    public const string FileLink = "GET /planfix/files/{uniqueId:long}/{token}";

    /// <summary>The key of any method name (<c>Method("task.getList")</c>), served or not.</summary>
    public static string Method(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return Unparsed + " " + method;
    }
}
