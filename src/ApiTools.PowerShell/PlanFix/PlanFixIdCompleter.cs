using System.Collections;
using System.Globalization;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>
/// Tab completion of PlanFix ids (see <see cref="LiveCompleter{TConnection,TClient}"/>): -ProjectId offers projects,
/// -OwnerId and -WorkerId users, -TaskId tasks, and -Id what the command is about. One page (100) a list: one request
/// at PlanFix's pace.
/// </summary>
public sealed class PlanFixIdCompleter : LiveCompleter<PlanFixConnection, PlanFixClient>
{
    private const string Projects = "projects", Users = "users", Tasks = "tasks";

    private protected override ServiceKit<PlanFixConnection, PlanFixClient> Kit => PlanFixKit.Instance;

    private protected override string? Scope(string commandName, string parameterName, IDictionary fakeBoundParameters) => parameterName switch
    {
        "ProjectId" => Projects,
        "OwnerId" or "WorkerId" => Users,
        "TaskId" => Tasks,
        "Id" when commandName.EndsWith("PlanFixProject", StringComparison.OrdinalIgnoreCase) => Projects,
        "Id" when commandName.EndsWith("PlanFixUser", StringComparison.OrdinalIgnoreCase) => Users,
        "Id" when commandName.EndsWith("PlanFixTask", StringComparison.OrdinalIgnoreCase) => Tasks,
        _ => null,
    };

    private protected override Task<IReadOnlyList<Choice>> ListAsync(PlanFixClient client, string scope, CancellationToken cancellationToken)
    {
        var page = new PageRange(0, PlanFixClient.MaxPageSize);
        return scope switch
        {
            Projects => Choice.FromAsync(client.GetProjectsAsync(page, cancellationToken), p => new Choice(Id(p.Id), p.Title), Most, cancellationToken),
            Users => Choice.FromAsync(client.GetUsersAsync(page, cancellationToken), u => new Choice(Id(u.Id), u.ToString()), Most, cancellationToken),
            _ => Choice.FromAsync(client.GetTasksAsync(null, page, cancellationToken), t => new Choice(Id(t.Id), t.Title), Most, cancellationToken),
        };
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
