namespace ApiTools.Evotor.Models;

/// <summary>Prints as <c>Хлеб x2 = 80.00;Молоко x1 = 95.50</c>.</summary>
public sealed class DocumentPositionList : List<DocumentPosition>
{
    public override string ToString() => string.Join(";", this);
}
