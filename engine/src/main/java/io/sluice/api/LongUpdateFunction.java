package io.sluice.api;

/**
 * The fast path's {@code updateStateByKey} function on long keys and long values: Spark's
 * {@code (Seq[V], Option[S]) => Option[S]} with the key added and the option replaced by a {@link LongState}.
 * Called once per batch for EVERY key that has state or new values (keys without new values get an empty
 * {@link LongValues}). {@code state.update(s)} sets the new state, {@code state.remove()} deletes the key, and
 * leaving the state untouched keeps it as it was (a key without state stays without).
 *
 * <p>Called on the job thread; must not keep its arguments.
 */
@FunctionalInterface
public interface LongUpdateFunction
{
    void update(long key, LongValues newValues, LongState state);
}
