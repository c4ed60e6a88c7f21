using ApiTools.Evotor.Bulk;

namespace ApiTools.Tests.Evotor;

/// <summary>Groups go parents first in a bulk import: Evotor stores a bulk's items in order, each checked alone.</summary>
public class GroupOrderTests
{
    private static BulkChunk.Item G(string id, string? parent) => new(0, id, id, Array.Empty<byte>(), parent);

    [Fact]
    public void Children_come_after_their_parents_and_the_rest_keep_their_input_order()
    {
        var groups = new[] { G("leaf", "mid"), G("alone", null), G("mid", "root"), G("outside", "not-in-input"), G("root", null) };

        var order = EvotorBulkImport.ParentsFirst(groups).Select(g => g.Id).ToList();

        Assert.Equal(new[] { "alone", "outside", "root", "mid", "leaf" }, order);
    }

    [Fact]
    public void Groups_in_a_loop_of_parents_are_kept_for_the_server_to_refuse()
    {
        var groups = new[] { G("a", "b"), G("b", "a"), G("c", null) };

        Assert.Equal(new[] { "c", "a", "b" }, EvotorBulkImport.ParentsFirst(groups).Select(g => g.Id));
    }
}
