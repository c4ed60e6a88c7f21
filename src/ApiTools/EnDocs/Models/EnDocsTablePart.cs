using ApiTools.EnDocs.Serialization;

namespace ApiTools.EnDocs.Models;

/// <summary>A document's table part: typed rows that print as the JSON text EnDocs carries (one line), so Export-Csv
/// writes a column Set-EnDocsDocument reads back, while <c>$doc.TablePart[0].Quantity</c> still works.</summary>
public sealed class EnDocsTablePart : List<EnDocsTableRow>
{
    public EnDocsTablePart() { }

    public EnDocsTablePart(IEnumerable<EnDocsTableRow> rows) : base(rows) { }

    /// <summary>The rows as EnDocs takes them: a JSON array of objects whose values are strings (decimals with '.').</summary>
    public override string ToString() => TablePartJson.Write(this);
}
