using System.Xml.Linq;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PlanFix;

// Project writes: project.add (not repeated once PlanFix may have acted) and project.update, which the reference
// says keeps the old value of every parameter left out, so a change sends only what changes.
public sealed partial class PlanFixClient
{
    /// <summary>Adds a project and returns it as PlanFix now has it (project.get).</summary>
    public async Task<PlanFixProject> AddProjectAsync(PlanFixProjectDraft draft, CancellationToken cancellationToken = default)
    {
        if (draft is null) throw new ArgumentNullException(nameof(draft));
        if (string.IsNullOrWhiteSpace(draft.Title)) throw new ArgumentException("A new project needs a title.", nameof(draft));
        var custom = await ResolveCustomAsync(ProjectKind, draft.CustomFields, null, cancellationToken).ConfigureAwait(false);
        var response = await CallWithCustomAsync("project.add", new XElement("request", ProjectFields(draft, custom)), custom, cancellationToken).ConfigureAwait(false);
        return await GetProjectAsync(IdOf(response, "project", "project.add"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the given (non-null) fields of project <see cref="PlanFixProjectDraft.Id"/> with one project.update.</summary>
    public async Task SetProjectAsync(PlanFixProjectDraft changes, bool silent = false, CancellationToken cancellationToken = default)
    {
        if (changes?.Id is null) throw new ArgumentException("A change to a project needs its Id.", nameof(changes));
        var custom = await ResolveCustomAsync(ProjectKind, changes.CustomFields, null, cancellationToken).ConfigureAwait(false);
        var request = new XElement("request");
        if (silent) request.Add(new XElement("silent", 1));
        request.Add(ProjectFields(changes, custom));
        await CallWithCustomAsync("project.update", request, custom, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SetProjectAsync"/>, then reads the project back.</summary>
    public async Task<PlanFixProject> UpdateProjectAsync(PlanFixProjectDraft changes, bool silent = false, CancellationToken cancellationToken = default)
    {
        await SetProjectAsync(changes, silent, cancellationToken).ConfigureAwait(false);
        return await GetProjectAsync(changes.Id!.Value, cancellationToken).ConfigureAwait(false);
    }

    private XElement ProjectFields(PlanFixProjectDraft d, IReadOnlyList<CustomValueToSend> custom)
    {
        var p = new XElement("project");
        Add(p, "id", d.Id);
        Add(p, "title", d.Title);
        Add(p, "description", d.Description);
        if (d.OwnerId is long owner) p.Add(new XElement("owner", new XElement("id", owner)));
        if (d.ClientId is long client) p.Add(new XElement("client", new XElement("id", client)));
        Add(p, "status", d.Status?.ToUpperInvariant());
        Add(p, "hidden", Flag(d.Hidden));
        if (d.EndDate is DateTimeOffset end)
            p.Add(new XElement("hasEndDate", 1), new XElement("endDate", PlanFixDates.Format(end, Connection.TimeZone, withTime: false)));
        if (d.GroupId is long group) p.Add(new XElement("group", new XElement("id", group)));
        if (d.ParentId is long parent) p.Add(new XElement("parent", new XElement("id", parent)));
        // project.add and project.update take people as flat id lists: <workers><id/><id/></workers>.
        if (d.WorkerIds is not null) p.Add(new XElement("workers", d.WorkerIds.Select(id => new XElement("id", id))));
        if (custom.Count > 0) p.Add(CustomDataElement(custom));
        return p;
    }
}
