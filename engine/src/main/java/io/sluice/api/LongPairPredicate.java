package io.sluice.api;

/**
 * A predicate on a long key and a long value: the fast path's twin of {@code BiPredicate<Long, Long>} (e.g. the
 * filter of {@code LongLongPairDStream.reduceByKeyAndWindow}). Called on the job thread; must not keep arguments.
 */
@FunctionalInterface
public interface LongPairPredicate
{
    boolean test(long key, long value);
}
