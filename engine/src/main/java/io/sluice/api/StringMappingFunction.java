package io.sluice.api;

/**
 * The fast path's {@code mapWithState} function on text keys and long values, state and results:
 * {@link LongMappingFunction} with the key as a {@link CharSequence}. Called once per input record (several times
 * for a key with several records in a batch, each call seeing the previous one's update), and once for each key that
 * times out, with {@code hasValue == false} and {@code state.isTimingOut()}. Every call emits its result.
 *
 * <p>{@code key} is a reusable flyweight view over the key's UTF-8 bytes, valid only during the call (see
 * {@link StringLongPairPredicate}). Called on the job thread; must not keep its arguments.
 */
@FunctionalInterface
public interface StringMappingFunction
{
    long apply(CharSequence key, boolean hasValue, long value, LongState state);
}
