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

    /// <summary>The key of any method name (<c>Method("task.getList")</c>), served or not.</summary>
    public static string Method(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return Unparsed + " " + method;
    }
}
