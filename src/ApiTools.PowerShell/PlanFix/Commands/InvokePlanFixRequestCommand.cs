using System.Collections;
using System.Xml;
using System.Xml.Linq;
using ApiTools.PlanFix.Serialization;
using ApiTools.PowerShell.Conversion;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Invoke-PlanFixRequest: any PlanFix API method with the module's auth, session, pacing, quota and paging
/// (methods other than reads ask ShouldProcess).
/// The answer comes back as PSCustomObjects (with -All, one per list item over every page) or, with -Raw, as XML.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "PlanFixRequest", DefaultParameterSetName = ParametersSet, SupportsPaging = true,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(XmlDocument))]
public sealed class InvokePlanFixRequestCommand : PlanFixCmdlet
{
    private const string BodySet = "Body";

    /// <summary>The API method, e.g. task.getList or handbook.getRecords.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PlanFixMethodCompleter))]
    public string Method { get; set; } = "";

    /// <summary>Nested hashtables become nested elements, arrays repeated elements, other values text.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    public Hashtable? Parameters { get; set; }

    /// <summary>The parameters as XML: a string with one or more elements, or an XmlElement.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BodySet)]
    [ValidateNotNull]
    public object Body { get; set; } = null!;

    /// <summary>Read the answer as a list and walk every page.</summary>
    [Parameter] public SwitchParameter All { get; set; }

    /// <summary>Write XML (System.Xml) instead of PSCustomObjects.</summary>
    [Parameter] public SwitchParameter Raw { get; set; }

    protected override void ProcessRecord()
    {
        object? parameters;
        try
        {
            parameters = ParameterSetName == BodySet ? BodyElement() : Parameters is null ? null : PowerShellValue.ToPlain(Parameters);
        }
        catch (System.ArgumentException bad)
        {
            ThrowTerminatingError(CmdletError.InvalidBody, bad, Body);
            return;
        }
        // Reads go without asking; any other method (task.add, contact.update…) may change data, so -WhatIf sends nothing.
        if (!ApiTools.PlanFix.PlanFixClient.IsReadMethod(Method) && !ShouldProcess($"PlanFix account {Client.Connection.Account}", Method)) return;
        if (All)
        {
            WriteStream(() => Converted(Client.InvokeListAsync(Method, parameters, null, null, PagerCap, StopToken)), target: Method);
            return;
        }
        ForItem(Method, () =>
        {
            var response = Await(ct => Client.InvokeAsync(Method, parameters, ct));
            WriteObject(Raw ? XmlToPSObject.ToXmlDocument(response) : XmlToPSObject.FromResponse(response));
        });
    }

    private XElement BodyElement()
    {
        var value = Body is PSObject ps ? ps.BaseObject : Body;
        return value switch
        {
            string xml => PlanFixBody.FromXml(xml),
            XmlNode node => PlanFixBody.FromElement(XmlToPSObject.FromXmlElement(node)),
            XElement element => PlanFixBody.FromElement(element),
            _ => throw new System.ArgumentException("-Body takes XML text or an XmlElement; use -Parameters for a hashtable."),
        };
    }

    private async IAsyncEnumerable<object?> Converted(IAsyncEnumerable<XElement> items)
    {
        await foreach (var item in items.ConfigureAwait(false))
            yield return Raw ? XmlToPSObject.ToXmlDocument(item) : XmlToPSObject.Convert(item);
    }
}
