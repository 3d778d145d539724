namespace GoSync.Tests.Map;

/// <summary>Fixed placement secrets, so that tests that look at table layouts are reproducible.</summary>
internal static class TestPlacement
{
    /// <summary>One fixed secret (the digits of φ, nothing special about them).</summary>
    public static readonly Placement Fixed = new(0x9E3779B97F4A7C15);

    /// <summary>Several fixed secrets, for properties that must hold whatever the secret.</summary>
    public static TheoryData<int> Indexes() => new(Enumerable.Range(0, Several.Length));

    /// <summary>The secrets <see cref="Indexes"/> numbers.</summary>
    public static readonly Placement[] Several =
    [
        Fixed,
        new(0xBB67AE8584CAA73B),
        new(0xA54FF53A5F1D36F1),
        new(0x9B05688C2B3E6C1F),
    ];
}
