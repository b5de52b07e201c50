package io.sluice.internal.generic;

import io.sluice.api.State;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The one mutable {@link State} a {@code mapWithState} batch re-wraps for every record (Spark's {@code StateImpl}):
 * {@link #wrap}/{@link #wrapTimingOut} reset the flags, the mapping function reads and changes it, and the node reads
 * {@link #isUpdated()}/{@link #isRemoved()} afterwards. Allocates nothing. Not thread-safe: one batch computation.
 */
public final class StateImpl<S> implements State<S>
{
    private S state;
    private boolean isDefined;
    private boolean isTimingOut;
    private boolean isUpdated;
    private boolean isRemoved;

    /** Wraps the key's current state; {@code isDefined == false} for a key without state. */
    public void wrap(final S current, final boolean isDefined)
    {
        this.state = isDefined ? current : null;
        this.isDefined = isDefined;
        this.isTimingOut = false;
        this.isRemoved = false;
        this.isUpdated = false;
    }

    /** Wraps the state of a key that is timing out. */
    public void wrapTimingOut(final S current)
    {
        this.state = current;
        this.isDefined = true;
        this.isTimingOut = true;
        this.isRemoved = false;
        this.isUpdated = false;
    }

    @Override
    public boolean exists()
    {
        return isDefined;
    }

    @Override
    public S get()
    {
        if (!isDefined)
        {
            throw new NoSuchElementException("State is not set");
        }
        return state;
    }

    @Override
    public Optional<S> getOption()
    {
        return isDefined ? Optional.ofNullable(state) : Optional.empty();
    }

    @Override
    public void update(final S newState)
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
        this.state = null;
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
        return isDefined ? String.valueOf(state) : "<state not set>";
    }
}
