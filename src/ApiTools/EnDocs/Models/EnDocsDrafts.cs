using System;
using System.Collections.Generic;

namespace ApiTools.EnDocs.Models;

/// <summary>A counterparty to add or update, keyed by <see cref="ExtId"/>.</summary>
public sealed class EnDocsContractor
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? FullName { get; set; }
    public string? Inn { get; set; }
    public string? Kpp { get; set; }
    public string? Address { get; set; }
    public string? LawAddress { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>E.g. ЮрЛицо.</summary>
    public string? Type { get; set; }
}

public sealed class EnDocsDepartment
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ParentExtId { get; set; }
}

public sealed class EnDocsEmployee
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? DepartmentExtId { get; set; }
}

/// <summary>A contract to add or update, keyed by <see cref="ExtId"/>. Dates are sent as dd.MM.yyyy.</summary>
public sealed class EnDocsContractDraft
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? DocNumber { get; set; }
    public DateTime? DocDate { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? ContractorExtId { get; set; }

    /// <summary>С поставщиком or С покупателем.</summary>
    public string? Type { get; set; }

    public DateTime? ValidityPeriod { get; set; }
    public string? Subject { get; set; }
}

/// <summary>A non-formalised document made from files (at most 20 MB decoded in all).</summary>
public sealed class EnDocsNonFormDraft
{
    public string Name { get; set; } = "";
    public string? ExtId { get; set; }
    public DateTime? DocDate { get; set; }
    public string? Comment { get; set; }
    public List<EnDocsFileContent> Files { get; } = new();
}

public sealed class EnDocsFileContent
{
    public EnDocsFileContent(string fileName, byte[] content)
    {
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    public string FileName { get; }
    public byte[] Content { get; }
}
