package io.sluice.api;

/**
 * A read-only view of one batch of a {@link LongDoublePairDStream}, handed to
 * {@link LongDoublePairDStream#foreachBatch}: a flyweight over the batch's off-heap columns, valid only during the
 * call. Reading allocates nothing.
 */
public interface LongDoubleBatch
{
    Time time();

    int size();

    long key(int i);

    double value(int i);
}
