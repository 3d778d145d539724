namespace GoSync.Tests.Map;

public class SmokeTests
{
    [Fact]
    public void Stored_value_is_loaded()
    {
        var map = new SyncMap<string, int>();
        map.Store("a", 1);
        map.TryLoad("a", out var v).Should().BeTrue();
        v.Should().Be(1);
    }
}
