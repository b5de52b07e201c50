package io.sluice.internal.generic;

import io.sluice.api.State;

import java.util.Optional;

/**
 * The one mutable {@link State} a {@code mapWithState} batch re-wraps for every record (Spark's {@code StateImpl}):
 * {@link #wrap}/{@link #wrapTimingOut} reset the flags, the mapping function reads and changes it, and the node reads
 * {@link #isUpdated()}/{@link #isRemoved()} afterwards. Allocates nothing. Not thread-safe: one batch computation.
 */
public final class StateImpl<S> extends StateFlags implements State<S>
{
    private S state;

    /** Wraps the key's current state; {@code isDefined == false} for a key without state. */
    public void wrap(final S current, final boolean isDefined)
    {
        this.state = isDefined ? current : null;
        reset(isDefined, false);
    }

    /** Wraps the state of a key that is timing out. */
    public void wrapTimingOut(final S current)
    {
        this.state = current;
        reset(true, true);
    }

    @Override
    public S get()
    {
        requireDefined();
        return state;
    }

    @Override
    public Optional<S> getOption()
    {
        return exists() ? Optional.ofNullable(state) : Optional.empty();
    }

    @Override
    public void update(final S newState)
    {
        markUpdated();
        this.state = newState;
    }

    @Override
    public void remove()
    {
        markRemoved();
        this.state = null;
    }

    @Override
    public String toString()
    {
        return exists() ? String.valueOf(state) : "<state not set>";
    }
}
