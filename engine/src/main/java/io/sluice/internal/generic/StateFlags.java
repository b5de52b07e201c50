package io.sluice.internal.generic;

import java.util.NoSuchElementException;

/**
 * The part of Spark's {@code StateImpl} that does not depend on the state's type: whether the key has state, is
 * timing out, was updated or removed in this call, and the rules on them (no update after remove or while timing
 * out, no second remove, no remove while timing out), with Spark's messages. Shared by the generic
 * {@link StateImpl} and the fast path's unboxed {@code LongStateFlyweight}, which keep the value itself. Allocates
 * nothing; not thread-safe.
 */
public abstract class StateFlags
{
    private boolean isDefined;
    private boolean isTimingOut;
    private boolean isUpdated;
    private boolean isRemoved;

    /** Starts a call: the key has state ({@code isDefined}) or not, and is timing out or not; nothing changed yet. */
    protected final void reset(final boolean isDefined, final boolean isTimingOut)
    {
        this.isDefined = isDefined;
        this.isTimingOut = isTimingOut;
        this.isUpdated = false;
        this.isRemoved = false;
    }

    /** Checks that {@code get()} may read the value. */
    protected final void requireDefined()
    {
        if (!isDefined)
        {
            throw new NoSuchElementException("State is not set");
        }
    }

    /** Checks that an update is allowed now and records it; the subclass then stores the new value. */
    protected final void markUpdated()
    {
        if (isRemoved)
        {
            throw new IllegalArgumentException("requirement failed: Cannot update the state after it has been removed");
        }
        if (isTimingOut)
        {
            throw new IllegalArgumentException("requirement failed: Cannot update the state that is timing out");
        }
        this.isDefined = true;
        this.isUpdated = true;
    }

    /** Checks that a remove is allowed now and records it; the subclass then clears the value. */
    protected final void markRemoved()
    {
        if (isTimingOut)
        {
            throw new IllegalArgumentException("requirement failed: Cannot remove the state that is timing out");
        }
        if (isRemoved)
        {
            throw new IllegalArgumentException("requirement failed: Cannot remove the state that has already been "
                + "removed");
        }
        this.isDefined = false;
        this.isUpdated = false;
        this.isRemoved = true;
    }

    /** Whether the key has state now. */
    public final boolean exists()
    {
        return isDefined;
    }

    /** Whether this call is the key's timeout call. */
    public final boolean isTimingOut()
    {
        return isTimingOut;
    }

    /** Whether the call updated the state. */
    public final boolean isUpdated()
    {
        return isUpdated;
    }

    /** Whether the call removed the state. */
    public final boolean isRemoved()
    {
        return isRemoved;
    }
}
