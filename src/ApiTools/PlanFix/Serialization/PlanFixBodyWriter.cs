namespace ApiTools.PlanFix.Serialization;

/// <summary>A request that writes its own body instead of being built whole in memory (file.upload streams the file).
/// Asked once per attempt, so a retried request is written whole again.</summary>
internal abstract class PlanFixBodyWriter
{
    public abstract HttpContent Content(string method, string account, string? sid);
}
