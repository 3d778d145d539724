using System.Text.Json.Serialization;

namespace GoSync.Tooling;

/// <summary>Which check failed an iteration: what the detection matrix reports as the assertion that fired.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailureKind>))]
public enum FailureKind
{
    /// <summary>No failure.</summary>
    None,

    /// <summary>The linearizability checker found the history not linearizable.</summary>
    Linearizability,

    /// <summary>The design's invariants (<c>SyncMap.FindInvariantViolations</c>) at a quiescent moment.</summary>
    Invariant,

    /// <summary>The epilogue's structural checks: deleted keys kept alive (Go issue 40999), deleted entries never expunged.</summary>
    Leak,

    /// <summary>An exception escaped the map (a null dirty, a write to a published read).</summary>
    Exception,

    /// <summary>Coyote found every task blocked: a deadlock.</summary>
    Deadlock,

    /// <summary>An iteration reached the scheduling-step bound: a livelock, the model's Termination.</summary>
    Termination,
}
