package io.sluice.api;

/**
 * A read-only view of one batch of a {@link LongLongPairDStream}, handed to {@link LongLongPairDStream#foreachBatch}:
 * a flyweight over the batch's off-heap key and value columns, valid only during the call. Reading allocates nothing.
 */
public interface LongLongBatch
{
    Time time();

    int size();

    /** The key of pair {@code i}. */
    long key(int i);

    /** The value of pair {@code i}. */
    long value(int i);
}
