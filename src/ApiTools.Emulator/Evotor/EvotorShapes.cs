namespace ApiTools.Emulator;

/// <summary>How Evotor answers are shaped where Evotor's documentation and the service itself differ.</summary>
public enum EvotorShapes
{
    /// <summary>As the service sends them: a receipt's positions, payments and other parts bare in their lists, an
    /// employee's stores as ids, positions' attribute choices as a list.</summary>
    Service,

    /// <summary>As Evotor's documentation prints them: each part of a receipt wrapped in an object of its own
    /// (<c>{"position":{…}}</c>, <c>{"payment":{…}}</c>…), stores as <c>[{"storeUuid":…}]</c>, and a single attribute choice
    /// object on PAYBACK, BUY and BUYBACK positions.</summary>
    Documentation,
}
