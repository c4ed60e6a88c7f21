using ApiTools.EnDocs;

namespace ApiTools.Tests.EnDocs;

/// <summary>The set a resumed EnDocs listing checks ids against: every id once, late ones included, at any distance.</summary>
public class DeliveredIdsTests
{
    [Fact]
    public void Ids_in_order_late_and_far_apart_are_each_kept_once()
    {
        var ids = new DeliveredIds();
        long[] handed = { 5, 6, 70, 64, 3, 1_000_000_007, 63, 128, 1 };
        foreach (var id in handed) Assert.True(ids.Add(id), $"{id} is new");
        foreach (var id in handed) Assert.False(ids.Add(id), $"{id} was handed out");

        Assert.Equal(handed.Length, ids.Count);
        Assert.All(handed, id => Assert.True(ids.Contains(id)));
        Assert.All(new long[] { 0, 2, 4, 7, 62, 65, 127, 129, 1_000_000_006 }, id => Assert.False(ids.Contains(id)));
        Assert.Equal(1_000_000_007, ids.HighestOr(0));
    }

    [Fact]
    public void The_highest_is_the_floor_until_an_id_passes_it()
    {
        var ids = new DeliveredIds();
        Assert.Equal(40, ids.HighestOr(40));
        ids.Add(10);
        Assert.Equal(40, ids.HighestOr(40));
        Assert.Equal(10, ids.HighestOr(0));
    }

    [Fact]
    public void A_long_listing_keeps_every_id_as_a_list_would()
    {
        // 100k ids, most in order with gaps, some late: the same answers as a plain set.
        var random = new Random(7);
        var ids = new DeliveredIds();
        var reference = new HashSet<long>();
        long next = 900_000;
        for (var i = 0; i < 100_000; i++)
        {
            next += random.Next(1, 4);
            var id = random.Next(50) == 0 ? next - random.Next(1, 500) : next;
            Assert.Equal(reference.Add(id), ids.Add(id));
        }
        Assert.Equal(reference.Count, ids.Count);
        for (var probe = 900_000L; probe < next; probe += 7) Assert.Equal(reference.Contains(probe), ids.Contains(probe));
    }
}
