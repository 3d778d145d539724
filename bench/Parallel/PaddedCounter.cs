using System.Runtime.InteropServices;

namespace GoSync.Benchmarks.Parallel;

/// <summary>A counter alone on its cache lines, so that workers claiming work do not slow reads of its neighbours.</summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct PaddedCounter
{
    [FieldOffset(64)]
    public int Value;
}
