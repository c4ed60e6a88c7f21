using ApiTools.PlanFix;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>The write pipeline (<see cref="WriteCmdlet{TConnection,TClient,TDraft}"/>) for PlanFix items; they are named by title.</summary>
public abstract class PlanFixWriteCmdlet<TDraft> : WriteCmdlet<PlanFixConnection, PlanFixClient, TDraft>
{
    private protected override ServiceKit<PlanFixConnection, PlanFixClient> Kit => PlanFixKit.Instance;

    private protected override string[] LabelFields => new[] { "Title", "Name", "Id" };
}
