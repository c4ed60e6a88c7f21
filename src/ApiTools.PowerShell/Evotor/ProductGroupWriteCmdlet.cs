using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;

namespace ApiTools.PowerShell.Evotor;

/// <summary>What New-EvotorProductGroup and Set-EvotorProductGroup share: the store, a piped object, or the group's fields.</summary>
public abstract class ProductGroupWriteCmdlet : EvotorWriteCmdlet<ProductGroup>
{
    protected const string ObjectSet = "InputObject";
    protected const string ParametersSet = "Parameters";

    /// <summary>The store to write to; binds from a piped object's StoreId unless given.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string StoreId { get; set; } = "";

    /// <summary>A group, an Import-Csv row or a hashtable; attributes as text are read as Name(a|b);Name2(c).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>The group to nest it in.</summary>
    [Parameter(ParameterSetName = ParametersSet)] [ValidateEvotorId] [ArgumentCompleter(typeof(EvotorIdCompleter))] public string? ParentId { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public string[]? Barcodes { get; set; }

    private protected override PSObject? PipedItem => InputObject;

    private protected override UnknownFields NewUnknownFields() => ProductGroupInput.NewUnknownFields();
}
