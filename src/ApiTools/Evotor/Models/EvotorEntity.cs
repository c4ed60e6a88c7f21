using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>What every Evotor entity (store, terminal, employee, product, group) carries besides its own fields: its
/// owner, when it was made and last changed, and the fields Evotor sent that the model does not name.</summary>
public abstract class EvotorEntity
{
    public string? UserId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Fields Evotor sent that this model does not name yet.</summary>
    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }
}
