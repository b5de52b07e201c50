package io.sluice.api;

/**
 * A read-only view of one batch of a {@link StringLongPairDStream}, handed to
 * {@link StringLongPairDStream#foreachBatch}: a flyweight over the batch's off-heap columns, valid only during the
 * call. {@link #value} and {@link #keyLength} allocate nothing; {@link #key} makes the String.
 */
public interface StringLongBatch
{
    Time time();

    int size();

    /** The key of pair {@code i} as a String (allocates). */
    String key(int i);

    /** The UTF-8 length of pair {@code i}'s key in bytes. */
    int keyLength(int i);

    /** The value of pair {@code i}. */
    long value(int i);
}
