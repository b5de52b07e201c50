package io.sluice.api;

import java.util.Optional;

/**
 * The state of one key inside a {@code mapWithState} function (Spark's {@code State}). Valid only during the call
 * it is handed to, on the job thread.
 *
 * <p>{@link #update} after {@link #remove()} or while timing out, and {@link #remove()} twice or while timing out,
 * throw {@link IllegalArgumentException}. {@code toString()} is the state's value, or {@code "<state not set>"}.
 */
public interface State<S>
{
    /** Whether the key has a state. */
    boolean exists();

    /** The state; {@link java.util.NoSuchElementException} "State is not set" when there is none. */
    S get();

    /** The state, or empty when there is none. */
    Optional<S> getOption();

    /** Sets the key's state (kept after this batch). */
    void update(S newState);

    /** Removes the key's state after this call. */
    void remove();

    /** True when the call is the key's timeout call: no value, and the state is removed afterwards. */
    boolean isTimingOut();
}
