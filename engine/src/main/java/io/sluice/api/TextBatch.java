package io.sluice.api;

/**
 * A read-only view of one batch of a {@link TextDStream}, handed to {@link TextDStream#foreachBatch}: a flyweight
 * over the batch's off-heap bytes column (UTF-8), valid only during the call. {@link #length} and
 * {@link #byteAt} allocate nothing; {@link #string} makes a String.
 */
public interface TextBatch
{
    Time time();

    int size();

    /** The UTF-8 length of element {@code i} in bytes. */
    int length(int i);

    /** Byte {@code index} of element {@code i}'s UTF-8 encoding. */
    byte byteAt(int i, int index);

    /** Element {@code i} as a String (allocates). */
    String string(int i);
}
