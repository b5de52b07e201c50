package io.sluice.api;

/**
 * One key's long state during a call of {@link LongUpdateFunction} or {@link LongMappingFunction}: the fast path's
 * {@link State State&lt;Long&gt;}, with the same rules: {@link #get()} on a missing state throws
 * {@link java.util.NoSuchElementException} ("State is not set"); {@link #update} after {@link #remove()} or while
 * timing out, and {@link #remove()} twice or while timing out, throw {@link IllegalArgumentException}.
 *
 * <p>A flyweight: valid only during the call that received it; no method allocates.
 */
public interface LongState
{
    boolean exists();

    long get();

    void update(long newState);

    void remove();

    boolean isTimingOut();
}
