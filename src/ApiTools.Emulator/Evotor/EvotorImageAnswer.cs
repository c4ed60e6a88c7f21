namespace ApiTools.Emulator;

/// <summary>What GET of one product image answers.</summary>
public enum EvotorImageAnswer
{
    /// <summary>The PNG itself, with <c>Content-Disposition</c> naming it as uploaded.</summary>
    Bytes,

    /// <summary>The image's JSON metadata with a <c>url</c> on another host name of this emulator, as Evotor's reference shows.</summary>
    Metadata,
}
