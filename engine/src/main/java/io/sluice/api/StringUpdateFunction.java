package io.sluice.api;

/**
 * The fast path's {@code updateStateByKey} function on text keys and long values: {@link LongUpdateFunction} with the
 * key as a {@link CharSequence}. Called once per batch for EVERY key that has state or new values (keys without new
 * values get an empty {@link LongValues}); {@code state.update(s)} sets the new state, {@code state.remove()} deletes
 * the key, leaving the state untouched keeps it as it was (a key without state stays without).
 *
 * <p>{@code key} is a reusable flyweight view over the key's UTF-8 bytes, valid only during the call (as
 * {@link StringLongPairPredicate}'s): read it with {@code length()}/{@code charAt}, compare it with
 * {@code "word".contentEquals(key)}, call {@code key.toString()} to keep it. Called on the job thread; must not keep
 * its arguments.
 */
@FunctionalInterface
public interface StringUpdateFunction
{
    void update(CharSequence key, LongValues newValues, LongState state);
}
