package io.sluice.api;

/**
 * The fast path's {@code mapWithState} function on long keys, values and state: Spark's
 * {@code (K, Option[V], State[S]) => T} returning a long. Called once per input record (several times for a key
 * with several records in a batch, each call seeing the previous one's update), and once for each key that times
 * out, with {@code hasValue == false} and {@code state.isTimingOut()}. Every call emits its result.
 *
 * <p>Called on the job thread; must not keep its arguments.
 */
@FunctionalInterface
public interface LongMappingFunction
{
    long apply(long key, boolean hasValue, long value, LongState state);
}
