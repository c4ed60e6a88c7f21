namespace ApiTools.EnDocs.Models;

/// <summary>A contract: the document fields plus its name, kind, validity and subject.</summary>
public sealed class EnDocsContract : EnDocsDocument
{
    /// <summary>С поставщиком or С покупателем (the wire's <c>type</c>; <see cref="EnDocsDocument.Type"/> is the list).</summary>
    public string? ContractType { get; set; }

    public DateTimeOffset? ValidityPeriod { get; set; }
    public string? Subject { get; set; }

    public override string ToString() => Name is { Length: > 0 } n ? $"{n} ({Id})" : base.ToString();
}
