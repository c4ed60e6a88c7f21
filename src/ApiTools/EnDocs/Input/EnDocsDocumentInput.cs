using System.Collections;
using ApiTools.Input;
using ApiTools.EnDocs.Models;
using ApiTools.EnDocs.Requests;
using ApiTools.EnDocs.Serialization;
using static ApiTools.EnDocs.Input.EnDocsInput;

namespace ApiTools.EnDocs.Input;

/// <summary>
/// One input item → a contract or a structured document, checked first (see <see cref="EnDocsInput"/> for how fields
/// are read). A document or contract read by Get-EnDocsDocument reads back as itself: its Id becomes the MetaId,
/// ContractId or NonFormId its Type says, its ContractType the contract's type, its TablePart (typed rows, or the JSON
/// text Export-Csv wrote) the table part.
/// </summary>
public static class EnDocsDocumentInput
{
    /// <summary>The fields a contract item may carry (Path, the files to attach, is read by the cmdlet).</summary>
    public static IReadOnlyList<string> ContractFields { get; } = new[]
    {
        "ExtId", "Name", "DocNumber", "DocDate", "Amount", "AmountWithoutVat", "Vat", "Currency", "ContractorExtId", "OrganizationExtId",
        "Type", "ContractType", "ValidityPeriod", "Subject", "Comment", "State", "NonFormId", "ContractId", "Id", "Path",
    };

    /// <summary>The fields a document item may carry (Path, the files to attach, is read by the cmdlet).</summary>
    public static IReadOnlyList<string> DocumentFields { get; } = new[]
    {
        "ExtId", "MetaId", "NonFormId", "Id", "DocTypeId", "Source", "OrganizationExtId", "ContractorExtId", "ContractExtId", "DocNumber",
        "DocDate", "Amount", "AmountWithoutVat", "AmountToPay", "Vat", "Currency", "DocNumInvoice", "DocDateInvoice", "DocNumTaxInvoice",
        "DocDateTaxInvoice", "Operation", "Comment", "State", "Signed", "Paid", "PaymentDate", "PaymentNumber", "NotifyUser", "PeriodFrom",
        "PeriodTo", "Receiver", "Address", "Delivery", "Contact", "PackageId", "DocKindId", "EdiId", "EdiState", "EdiProvider", "TablePart",
        "Type", "Path",
    };

    /// <summary>The fields of a table row (wire names too: AmountToPay is the price, AmountWOVAT and VAT).</summary>
    public static IReadOnlyList<string> TableRowFields { get; } = new[]
    {
        "Name", "UnitName", "Quantity", "Price", "AmountToPay", "AmountWithoutVat", "AmountWOVAT", "TaxRate", "Vat", "Amount", "DocumentExtId",
    };

    /// <summary>A contract input may carry a contract's fields and every column Get-EnDocsDocument writes for one.</summary>
    public static UnknownFields NewContractUnknownFields() => UnknownFields.Of<EnDocsContract>("contract", ContractFields);

    /// <summary>A document input may carry a document's fields and every column Get-EnDocsDocument writes for one.</summary>
    public static UnknownFields NewDocumentUnknownFields() => UnknownFields.Of<EnDocsDocument>("document", DocumentFields);

    public static EnDocsContractDraft ReadContract(InputFields fields, string label)
    {
        var draft = new EnDocsContractDraft
        {
            ExtId = Key(fields), Name = Required(fields, "Name"), DocNumber = fields.Text("DocNumber"), DocDate = Date(fields, "DocDate"),
            Amount = Money(fields, "Amount"), AmountWithoutVat = fields.Decimal("AmountWithoutVat"), Vat = fields.Decimal("Vat"),
            Currency = Trimmed(fields, "Currency"), ContractorExtId = Party(fields, "ContractorExtId"), OrganizationExtId = Party(fields, "OrganizationExtId"),
            Type = ContractType(fields), ValidityPeriod = Date(fields, "ValidityPeriod"), Subject = fields.Text("Subject"),
            Comment = fields.Text("Comment"), State = Trimmed(fields, "State"), NonFormId = Id(fields, "NonFormId"),
            ContractId = Id(fields, "ContractId") ?? IdOfRead(fields, EnDocsDocumentType.Contract),
        };
        return Checked(fields, label, draft);
    }

    /// <param name="tablePart">Rows given apart from the item (the cmdlet's -TablePart); they replace the item's own.</param>
    public static EnDocsDocumentDraft ReadDocument(InputFields fields, string label, EnDocsTablePart? tablePart = null)
    {
        var source = Source(fields);
        var draft = new EnDocsDocumentDraft
        {
            ExtId = Trimmed(fields, "ExtId"), MetaId = Id(fields, "MetaId"), NonFormId = Id(fields, "NonFormId"), DocTypeId = DocType(fields),
            Source = source, OrganizationExtId = Party(fields, "OrganizationExtId"), ContractorExtId = Trimmed(fields, "ContractorExtId"),
            ContractExtId = Trimmed(fields, "ContractExtId"), DocNumber = fields.Text("DocNumber"), DocDate = Date(fields, "DocDate"),
            Amount = fields.Decimal("Amount"), AmountWithoutVat = fields.Decimal("AmountWithoutVat"), AmountToPay = fields.Decimal("AmountToPay"),
            Vat = fields.Decimal("Vat"), Currency = Trimmed(fields, "Currency"), DocNumInvoice = fields.Text("DocNumInvoice"),
            DocDateInvoice = Date(fields, "DocDateInvoice"), DocNumTaxInvoice = fields.Text("DocNumTaxInvoice"),
            DocDateTaxInvoice = Date(fields, "DocDateTaxInvoice"), Operation = fields.Text("Operation"), Comment = fields.Text("Comment"),
            State = Trimmed(fields, "State"), Signed = fields.Boolean("Signed"), Paid = fields.Boolean("Paid"), PaymentDate = Date(fields, "PaymentDate"),
            PaymentNumber = fields.Text("PaymentNumber"), NotifyUser = Trimmed(fields, "NotifyUser"), PeriodFrom = Date(fields, "PeriodFrom"),
            PeriodTo = Date(fields, "PeriodTo"), Receiver = fields.Text("Receiver"), Address = fields.Text("Address"), Delivery = fields.Text("Delivery"),
            Contact = fields.Text("Contact"), PackageId = Trimmed(fields, "PackageId"), DocKindId = (int?)Id(fields, "DocKindId"),
            EdiId = Trimmed(fields, "EdiId"), EdiState = fields.Text("EdiState"), EdiProvider = fields.Text("EdiProvider"),
            TablePart = tablePart ?? TablePart(fields),
        };
        // A document read by Get-EnDocsDocument names itself by Id: a non-form one is made into this document, another updated.
        if (draft.MetaId is null && draft.NonFormId is null)
        {
            draft.NonFormId = IdOfRead(fields, EnDocsDocumentType.NonForm);
            draft.MetaId = IdOfRead(fields, EnDocsDocumentType.Invoice) ?? IdOfRead(fields, EnDocsDocumentType.Input);
        }
        if (draft.ExtId is null && draft.MetaId is null && !draft.IsLocal)
            fields.AddViolation("ExtId", "is required (or MetaId, EnDocs' own id of the document): EnDocs finds the document by it on the next run");
        if (draft.IsLocal && draft.ExtId is null)
            fields.AddViolation("ExtId", "is required for a local document (Source Внутренний): EnDocs finds it by ExtId");
        return Checked(fields, label, draft);
    }

    /// <summary>One table row from an item: decimals with '.' or ',' (Price or AmountToPay, AmountWithoutVat or AmountWOVAT).</summary>
    public static EnDocsTableRow ReadTableRow(InputFields fields, string label)
    {
        var row = new EnDocsTableRow
        {
            Name = Required(fields, "Name"), UnitName = fields.Text("UnitName")?.Trim(), Quantity = fields.Decimal("Quantity"),
            Price = fields.Decimal("Price") ?? fields.Decimal("AmountToPay"),
            AmountWithoutVat = fields.Decimal("AmountWithoutVat") ?? fields.Decimal("AmountWOVAT"), TaxRate = fields.Text("TaxRate")?.Trim(),
            Vat = fields.Decimal("Vat"), Amount = fields.Decimal("Amount"),
        };
        return Checked(fields, label, row);
    }

    /// <summary>A table part given as typed rows, or as the JSON text EnDocs carries (what Export-Csv writes of one).</summary>
    private static EnDocsTablePart? TablePart(InputFields fields)
    {
        switch (fields.Raw("TablePart"))
        {
            case null: return null;
            case EnDocsTablePart rows: return rows;
            case IEnumerable<EnDocsTableRow> rows: return new EnDocsTablePart(rows);
            case string text:
                var observer = new FailureObserver();
                if (TablePartJson.ReadText(text, "table part", observer, out _) is { } parsed && !observer.Failed) return parsed;
                fields.AddViolation("TablePart", $"'{InputFields.Shorten(text)}' is not a table part: give rows (objects with Name, Quantity, Price…; numbers as numbers) or their JSON text");
                return null;
            case IEnumerable:
                fields.AddViolation("TablePart", "holds objects this reader cannot read: give EnDocsTableRow objects or their JSON text");
                return null;
            case var other:
                fields.AddViolation("TablePart", $"'{InputFields.Shorten(other.ToString() ?? "")}' is not a table part");
                return null;
        }
    }

    /// <summary>Входящий, Исходящий or Внутренний; Incoming, Outgoing and Internal too (any case). Required.</summary>
    private static string Source(InputFields fields)
    {
        var text = fields.Text("Source")?.Trim();
        if (text is null)
        {
            fields.AddViolation("Source", $"is required: {EnDocsDocumentDraft.Incoming} (Incoming), {EnDocsDocumentDraft.Outgoing} (Outgoing) or {EnDocsDocumentDraft.Internal} (Internal)");
            return "";
        }
        foreach (var (russian, english) in new[] { (EnDocsDocumentDraft.Incoming, "Incoming"), (EnDocsDocumentDraft.Outgoing, "Outgoing"), (EnDocsDocumentDraft.Internal, "Internal") })
            if (string.Equals(text, russian, StringComparison.OrdinalIgnoreCase) || string.Equals(text, english, StringComparison.OrdinalIgnoreCase)) return russian;
        fields.AddViolation("Source", $"'{InputFields.Shorten(text)}' is not {EnDocsDocumentDraft.Incoming}, {EnDocsDocumentDraft.Outgoing} or {EnDocsDocumentDraft.Internal} (Incoming, Outgoing, Internal)");
        return text;
    }

    /// <summary>A document type's id, or a known type's name (Счет входящий). Required.</summary>
    private static int DocType(InputFields fields)
    {
        var text = fields.Text("DocTypeId")?.Trim();
        if (text is null)
        {
            fields.AddViolation("DocTypeId", "is required: 1 Поступление, 14 Счет входящий, 6 Счет исходящий… (the types complete on Tab)");
            return 0;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        if (EnDocsDocumentTypes.IdOf(text) is { } known) return known;
        fields.AddViolation("DocTypeId", $"'{InputFields.Shorten(text)}' is not a document type id or a known type's name");
        return 0;
    }

    /// <summary>A contract's type (С поставщиком, С покупателем): ContractType, else Type unless that names the list a read
    /// contract came from (its Type is Contract).</summary>
    private static string? ContractType(InputFields fields)
    {
        if (fields.Text("ContractType") is { Length: > 0 } type) return type;
        var text = fields.Text("Type");
        return text is not null && ListName(text) is not null ? null : text;
    }

    /// <summary>The list a name names (Contract, Invoice, Input, NonForm, any case); null for anything else, numbers too.</summary>
    private static EnDocsDocumentType? ListName(string text) =>
        Enum.GetNames(typeof(EnDocsDocumentType)).FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? (EnDocsDocumentType)Enum.Parse(typeof(EnDocsDocumentType), name)
            : null;

    /// <summary>The Id of a document Get-EnDocsDocument read, when its Type is <paramref name="type"/>.</summary>
    private static long? IdOfRead(InputFields fields, EnDocsDocumentType type)
    {
        var listed = fields.Raw("Type") switch
        {
            EnDocsDocumentType t => t,
            string s => ListName(s),
            _ => (EnDocsDocumentType?)null,
        };
        return listed == type ? Id(fields, "Id") : null;
    }

    private static string Party(InputFields fields, string field)
    {
        var extId = Trimmed(fields, field) ?? "";
        if (extId.Length == 0) fields.AddViolation(field, "is required: the Ext_ID EnDocs knows it by");
        return extId;
    }

    private static long? Id(InputFields fields, string field)
    {
        var id = fields.Integer(field);
        if (id is <= 0) fields.AddViolation(field, $"{id} is not an EnDocs id (a whole number above 0)");
        return id > 0 ? id : null;
    }

    private static decimal? Money(InputFields fields, string field)
    {
        var value = fields.Decimal(field);
        if (value < 0) fields.AddViolation(field, $"{value} is negative");
        return value;
    }

    /// <summary>Notes the table part reader's warnings: text given as input must read whole, or it is refused.</summary>
    private sealed class FailureObserver : IApiObserver
    {
        public bool Failed { get; private set; }

        public void OnCall(ApiCallInfo call) { }

        public void OnWait(TimeSpan delay, string reason) { }

        public void OnWarning(string message) => Failed = true;
    }
}
