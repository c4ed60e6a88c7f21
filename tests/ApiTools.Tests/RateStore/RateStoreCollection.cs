namespace ApiTools.Tests.RateStore;

/// <summary>The tests that time a shared store's answers (a late answer counts as lost) run alone, after the others: on
/// a 2-core machine, the rest of the suite running beside them makes a store late that is not.</summary>
[CollectionDefinition(nameof(RateStoreCollection), DisableParallelization = true)]
public sealed class RateStoreCollection;
