package io.sluice.api;

/**
 * A read-only view of one batch of a {@link LongDStream}, handed to {@link LongDStream#foreachBatch}: a flyweight
 * over the batch's off-heap column, valid only during the call (do not keep it; copy what you need). Reading
 * allocates nothing.
 */
public interface LongBatch
{
    /** The batch time. */
    Time time();

    /** How many elements. */
    int size();

    /** Element {@code i}, {@code 0 <= i < size()}. */
    long get(int i);
}
