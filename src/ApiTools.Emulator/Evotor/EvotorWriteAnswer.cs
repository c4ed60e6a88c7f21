namespace ApiTools.Emulator;

/// <summary>How successful Evotor writes answer (Evotor's status table allows each).</summary>
public enum EvotorWriteAnswer
{
    /// <summary>200 with the stored item; bulk: 202 with the task.</summary>
    Body,

    /// <summary>201 with no body and a <c>Location</c> naming the item; bulk: 202 with no body and <c>Location: …/resource-tasks/{id}</c>.</summary>
    Created,

    /// <summary>204 with a <c>Location</c>; bulk as <see cref="Created"/>.</summary>
    NoContent,

    /// <summary>200 with no body (what the reference shows for PUT and PATCH), no Location; bulk as <see cref="Created"/>.</summary>
    Empty,
}
