package io.sluice.internal.state;

import io.sluice.api.LongState;

import java.util.NoSuchElementException;

/**
 * The one {@link LongState} an operator hands to every call of its user function (the generic path's
 * {@code StateImpl}, without boxing): {@link #wrap} or {@link #wrapTimingOut} before a call, then read
 * {@link #isUpdated()}, {@link #isRemoved()}, {@link #exists()} and {@link #get()} after it. Not thread-safe.
 */
public final class LongStateFlyweight implements LongState
{
    private long state;
    private boolean isDefined;
    private boolean isUpdated;
    private boolean isRemoved;
    private boolean isTimingOut;

    /** Prepares a call for a key with ({@code isDefined}) or without state. */
    public void wrap(final long current, final boolean isDefined)
    {
        this.state = isDefined ? current : 0;
        this.isDefined = isDefined;
        this.isUpdated = false;
        this.isRemoved = false;
        this.isTimingOut = false;
    }

    /** Prepares the call for a key that times out. */
    public void wrapTimingOut(final long current)
    {
        wrap(current, true);
        this.isTimingOut = true;
    }

    @Override
    public boolean exists()
    {
        return isDefined;
    }

    @Override
    public long get()
    {
        if (!isDefined)
        {
            throw new NoSuchElementException("State is not set");
        }
        return state;
    }

    @Override
    public void update(final long newState)
    {
        if (isRemoved)
        {
            throw new IllegalArgumentException("requirement failed: Cannot update the state after it has been removed");
        }
        if (isTimingOut)
        {
            throw new IllegalArgumentException("requirement failed: Cannot update the state that is timing out");
        }
        this.state = newState;
        this.isDefined = true;
        this.isUpdated = true;
    }

    @Override
    public void remove()
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
        this.state = 0;
        this.isDefined = false;
        this.isUpdated = false;
        this.isRemoved = true;
    }

    @Override
    public boolean isTimingOut()
    {
        return isTimingOut;
    }

    public boolean isUpdated()
    {
        return isUpdated;
    }

    public boolean isRemoved()
    {
        return isRemoved;
    }

    @Override
    public String toString()
    {
        return isDefined ? Long.toString(state) : "<state not set>";
    }
}
