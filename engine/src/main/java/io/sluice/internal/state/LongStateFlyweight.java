package io.sluice.internal.state;

import io.sluice.api.LongState;
import io.sluice.internal.generic.StateFlags;

/**
 * The one {@link LongState} an operator hands to every call of its user function (the generic path's
 * {@code StateImpl}, without boxing): {@link #wrap} or {@link #wrapTimingOut} before a call, then read
 * {@link #isUpdated()}, {@link #isRemoved()}, {@link #exists()} and {@link #get()} after it. Not thread-safe.
 */
public final class LongStateFlyweight extends StateFlags implements LongState
{
    private long state;

    /** Prepares a call for a key with ({@code isDefined}) or without state. */
    public void wrap(final long current, final boolean isDefined)
    {
        this.state = isDefined ? current : 0;
        reset(isDefined, false);
    }

    /** Prepares the call for a key that times out. */
    public void wrapTimingOut(final long current)
    {
        this.state = current;
        reset(true, true);
    }

    @Override
    public long get()
    {
        requireDefined();
        return state;
    }

    @Override
    public void update(final long newState)
    {
        markUpdated();
        this.state = newState;
    }

    @Override
    public void remove()
    {
        markRemoved();
        this.state = 0;
    }

    @Override
    public String toString()
    {
        return exists() ? Long.toString(state) : "<state not set>";
    }
}
