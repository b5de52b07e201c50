package io.sluice.api;

/**
 * The values one key received in one batch, in arrival order: the fast path's {@code List<Long>} for
 * {@link LongUpdateFunction}. A flyweight over off-heap memory: valid only during the call that received it;
 * reading allocates nothing.
 */
public interface LongValues
{
    /** How many values; 0 for a key that received none this batch. */
    int size();

    /** Value {@code index}, {@code 0 <= index < size()}. */
    long get(int index);

    /** The sum of the values (0 when there are none). */
    long sum();
}
