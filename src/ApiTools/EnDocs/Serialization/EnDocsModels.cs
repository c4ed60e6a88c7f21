using System.Text.Json;
using ApiTools.EnDocs.Models;

namespace ApiTools.EnDocs.Serialization;

/// <summary>Wire → model, for every EnDocs read: the only place that knows which wire field fills which property.</summary>
internal static class EnDocsModels
{
    /// <summary>What a document of a list is called in warnings.</summary>
    public static string ItemName(EnDocsDocumentType type) => type switch
    {
        EnDocsDocumentType.Contract => "contract",
        EnDocsDocumentType.Invoice => "invoice",
        EnDocsDocumentType.Input => "receipt (Input)",
        _ => "non-form document",
    };

    public static EnDocsDocument Document(DocumentWire w, EnDocsDocumentType type, IApiObserver observer)
    {
        var d = type == EnDocsDocumentType.Contract
            ? new EnDocsContract { ContractType = w.Type, ValidityPeriod = w.ValidityPeriod, Subject = w.Subject }
            : new EnDocsDocument();
        var extra = w.Extra;
        d.Id = w.Id; d.Type = type; d.DocTypeId = w.DocTypeId; d.PackageId = w.PackageId; d.Source = w.Source;
        d.DocNumber = w.DocNumber; d.DocDate = w.DocDate; d.Amount = w.Amount; d.AmountWithoutVat = w.AmountWoVat;
        d.AmountToPay = w.AmountToPay; d.Vat = w.Vat; d.Currency = w.Currency; d.Operation = w.Operation; d.State = w.State;
        d.Signed = w.Signed; d.Paid = w.Paid; d.Comment = w.Comment; d.ExtId = w.ExtId;
        d.Name = w.Name ?? (type == EnDocsDocumentType.NonForm ? w.FileName : null);
        d.FileName = w.FileName; d.FileSize = w.FileSize; d.Sender = w.Sender;
        d.Contractor = Party(w.Contractor);
        d.Organization = Party(w.Organization);
        d.ContractorId = w.Contractor?.Id; d.ContractorName = w.Contractor?.Name; d.ContractorFullName = w.Contractor?.FullName;
        d.ContractorInn = w.Contractor?.Inn; d.ContractorKpp = w.Contractor?.Kpp; d.ContractorExtId = w.Contractor?.ExtId;
        d.OrganizationId = w.Organization?.Id; d.OrganizationName = w.Organization?.Name; d.OrganizationInn = w.Organization?.Inn;
        d.OrganizationKpp = w.Organization?.Kpp; d.OrganizationExtId = w.Organization?.ExtId;
        d.Contract = NameOf(w.Contract, "contract", ref extra);
        d.Project = NameOf(w.Project, "project", ref extra);
        d.Employee = NameOf(w.Employee, "employee", ref extra);
        d.Department = NameOf(w.Department, "department", ref extra);
        d.TablePart = TablePartJson.Read(w.TablePart, ItemName(type), observer, out var unreadable);
        if (unreadable is { } kept) (extra ??= new ExtraFields())["tablePart"] = kept;
        d.PaymentDate = w.PaymentDate; d.PaymentNumber = w.PaymentNumber;
        d.DocNumInvoice = w.DocNumInvoice; d.DocDateInvoice = w.DocDateInvoice;
        d.DocNumTaxInvoice = w.DocNumTaxInvoice; d.DocDateTaxInvoice = w.DocDateTaxInvoice;
        d.EdiId = w.EdiId; d.EdiState = w.EdiState; d.EdiProvider = w.EdiProvider;
        d.Created = w.Created; d.CreatedBy = w.CreatedBy; d.Modified = w.Modified; d.ModifiedBy = w.ModifiedBy;
        if (type != EnDocsDocumentType.Contract)
        {
            // Contract-only members on another list are kept, not dropped.
            if (w.Type is not null) (extra ??= new ExtraFields())["type"] = Text(w.Type);
            if (w.ValidityPeriod is not null) (extra ??= new ExtraFields())["validityPeriod"] = Text(w.ValidityPeriod.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            if (w.Subject is not null) (extra ??= new ExtraFields())["subject"] = Text(w.Subject);
        }
        d.Extra = extra;
        return d;
    }

    public static EnDocsParty? Party(PartyWire? w)
    {
        if (w is null) return null;
        var extra = w.Extra;
        if (w.Organization is { ValueKind: not JsonValueKind.Null } organization) (extra ??= new ExtraFields())["organization"] = organization;
        if (w.Client is { ValueKind: not JsonValueKind.Null } client) (extra ??= new ExtraFields())["client"] = client;
        return new EnDocsParty
        {
            Id = w.Id, Name = w.Name, FullName = w.FullName, Inn = w.Inn, Kpp = w.Kpp, ExtId = w.ExtId, OrganizationId = w.OrganizationId,
            DiadocId = w.DiadocId, Type = w.Type, Address = w.Address, LawAddress = w.LawAddress, Contact = w.Contact, Phone = w.Phone,
            Email = w.Email, Bank = w.Bank, Bik = w.Bik, Bill = w.Bill, Director = w.Director, Ogrn = w.Ogrn, Manager = w.Manager,
            Code = w.Code, WorkKind = w.WorkKind, ClientId = w.ClientId, Url = w.Url, Comment = w.Comment, Extra = extra,
        };
    }

    public static EnDocsUser User(UserWire u) => new()
    {
        Id = u.Id ?? "", Name = u.DisplayName ?? u.UserName, UserName = u.UserName, Email = u.Email ?? (u.UserName?.Contains('@') == true ? u.UserName : null),
        Position = u.Position, Phone = u.Phone, ExtPhone = u.ExtPhone, Blocked = u.Blocked, ClientAdmin = u.ClientAdmin,
        EnDocsAdmin = u.EnDocsAdmin, Hr = u.Hr, Demo = u.Demo, EnableOffice = u.EnableOffice, ClientId = u.ClientId,
        LastLogin = u.LastLogin, LastLoginMobile = u.LastLoginMobile, OsType = u.OsType, Extra = u.Extra,
    };

    public static EnDocsAccount Account(AccountWire a) => new()
    {
        Id = a.Id, Name = a.Name, LegalName = a.LegalName, Inn = a.Inn, Kpp = a.Kpp, Bik = a.Bik, BillTo = a.BillTo, Email = a.Email,
        Phone = a.Phone, Blocked = a.Blocked, BlockDate = a.BlockDate, TariffId = a.TariffId, UsersQuota = a.UsersQuota,
        UsersUsed = a.UsersUsed, StorageQuota = a.StorageQuota, StorageUsed = a.StorageUsed, OcrQuota = a.OcrQuota, OcrUsed = a.OcrUsed,
        Created = a.Created, LastLogin = a.LastLogin, Extra = a.Extra,
    };

    /// <summary>A reference's name: text as sent; for an object its <c>name</c> (or <c>displayName</c>), the object itself
    /// kept in Extra under <paramref name="key"/>.</summary>
    private static string? NameOf(NamedValue? value, string key, ref ExtraFields? extra)
    {
        if (value?.Whole is not { } v) return value?.Text;
        (extra ??= new ExtraFields())[key] = v;
        if (v.ValueKind == JsonValueKind.Object)
            foreach (var name in new[] { "name", "displayName" })
                if (v.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.String) return n.GetString();
        return null;
    }

    private static JsonElement Text(string text)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(text, EnDocsJsonContext.Default.String));
        return doc.RootElement.Clone();
    }
}
