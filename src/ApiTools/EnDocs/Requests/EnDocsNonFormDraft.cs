using System;
using System.Collections.Generic;

namespace ApiTools.EnDocs.Requests;

/// <summary>A non-formalised document made from files (at most 20 MB decoded in all).</summary>
public sealed class EnDocsNonFormDraft
{
    public string Name { get; set; } = "";
    public string? ExtId { get; set; }
    public DateTime? DocDate { get; set; }
    public string? Comment { get; set; }
    public List<EnDocsFileContent> Files { get; } = new();
}
