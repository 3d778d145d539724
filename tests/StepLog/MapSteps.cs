using GoSync.Specs;

namespace GoSync.StepLog;

/// <summary>
/// What the step-logging build of the map calls at each atomic step (src/Map/StepLog/). Each call finds the thread's
/// open call (<see cref="StepRecorder.Call"/>) and does nothing when there is none, so a map without a driver, or an
/// invariant check between calls, logs nothing.
/// </summary>
public static class MapSteps
{
    /// <summary>
    /// Whether this thread has a call open on a recorder: the map's hooks test it before they build their arguments,
    /// so that a map no driver watches allocates nothing for the log (AllocationTests run on the step-logging build).
    /// </summary>
    public static bool Recording => StepRecorder.CurrentFrame is not null;

    /// <summary>An operation's first step, with the entry its lookup found (<paramref name="hasKey"/>: it has a key).</summary>
    public static void Begin(IStepSource map, string method, bool hasKey, object? key, object? entry)
    {
        if (StepRecorder.CurrentFrame is not { } f)
        {
            return;
        }

        f.Begun = true;
        f.Map = map;
        f.Recorder.Append(f, new StepLine
        {
            Action = ModelActions.Begin, Method = method, Op = f.Call, HasKey = hasKey, Key = Scalar.Normalize(key), HasEntry = hasKey,
        }, Locking.Unchanged, entry: entry);
    }

    /// <summary>A locked step with no slot operation; the region ends with it when <paramref name="unlocks"/>, else the lock stays held.</summary>
    public static void Locked(string action, string method, bool hasKey, object? key, object? entry, bool unlocks)
    {
        if (Open() is not { } f)
        {
            return;
        }

        f.Recorder.Append(f, new StepLine { Action = action, Method = method, HasKey = hasKey, Key = Scalar.Normalize(key), HasEntry = hasKey },
            unlocks ? Locking.Unlocks : Locking.Holds, f.Map, entry);
    }

    /// <summary>One Volatile/Interlocked operation on <paramref name="entry"/>'s slot.</summary>
    public static void Slot(string action, string method, object entry, StepSlot before, StepSlot after)
    {
        if (Open() is not { } f)
        {
            return;
        }

        var walking = action is ModelActions.DirtyNext or "DirtyCas" || f.Call.Kind == OpKind.Range;
        var named = action == ModelActions.LoadSlot && f.Call.Kind == OpKind.Range ? ModelActions.RangeNext : action;
        f.Recorder.Append(f, new StepLine
        {
            Action = named, Method = method, HasKey = true, Key = walking ? f.WalkKey : Scalar.Normalize(f.Call.Key), HasEntry = true,
            Before = before, After = after,
        }, named == ModelActions.SwapExchange ? Locking.Unlocks : Locking.Unchanged, f.Map, entry);
    }

    /// <summary>The end of a multi-step locked region.</summary>
    public static void Unlock(string method)
    {
        if (Open() is { } f)
        {
            f.Recorder.Unlock(f, method);
        }
    }

    /// <summary>The locked step <paramref name="action"/> is about to add <paramref name="key"/> (AddToDirtyLocked).</summary>
    public static void Adding(string action, object key)
    {
        if (Open() is { } f)
        {
            (f.AddingAction, f.AddingKey, f.BuildingDirty) = (action, Scalar.Normalize(key), false);
        }
    }

    /// <summary>AddToDirtyLocked builds dirty: the adding step ends here and the lock stays held.</summary>
    public static void BuildingDirty(string method)
    {
        if (Open() is not { AddingAction: { } action } f)
        {
            return;
        }

        f.BuildingDirty = true;
        f.Recorder.Append(f, new StepLine { Action = action, Method = method, HasKey = true, Key = f.AddingKey }, Locking.Holds);
    }

    /// <summary>AddToDirtyLocked's end: <paramref name="entry"/> holds <paramref name="after"/>, and the lock goes.</summary>
    public static void Added(string method, object entry, StepSlot after)
    {
        if (Open() is not { AddingAction: { } action } f)
        {
            return;
        }

        f.Recorder.Append(f, new StepLine
        {
            Action = f.BuildingDirty ? ModelActions.DirtyNext : action, Method = method, HasKey = true, Key = f.AddingKey, HasEntry = true,
            Before = StepSlot.Free, After = after,
        }, Locking.Unlocks, f.Map, entry);
        (f.AddingAction, f.AddingKey, f.BuildingDirty) = (null, null, false);
    }

    /// <summary>DirtyLocked or Range reads the slot of <paramref name="key"/>'s entry next.</summary>
    public static void WalkKey(object key)
    {
        if (Open() is { } f)
        {
            f.WalkKey = Scalar.Normalize(key);
        }
    }

    /// <summary>Range calls back (or the enumerator yields) with <paramref name="key"/> and <paramref name="value"/>.</summary>
    public static void RangeVisit(string method, object key, object? value)
    {
        if (Open() is { } f)
        {
            f.Recorder.Append(f, new StepLine
            {
                Action = "RangeVisit", Method = method, HasKey = true, Key = Scalar.Normalize(key), Visit = StepSlot.Live(value),
            }, Locking.Unchanged);
        }
    }

    /// <summary>Range has walked every key: the model's RangeNext with nothing left to do.</summary>
    public static void RangeEnd(string method)
    {
        if (Open() is { } f)
        {
            f.Recorder.Append(f, new StepLine { Action = ModelActions.RangeNext, Method = method }, Locking.Unchanged);
        }
    }

    private static StepFrame? Open() => StepRecorder.CurrentFrame is { Begun: true } f ? f : null;
}
