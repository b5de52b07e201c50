package io.sluice.internal.gen;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * The hand-written reference for the generated {@code LongLongHashAggregator}: the same contract (dense ids in
 * first-appearance order, values at those ids) written plainly for one type pair, with separate chaining instead of
 * open addressing, so a mistake in the template or the generator cannot hide in both.
 */
final class ReferenceLongLongHashAggregator
{
    private int[] heads = new int[64];
    private int[] next = new int[16];
    private long[] keys = new long[16];
    private long[] values = new long[16];
    private int size;

    ReferenceLongLongHashAggregator()
    {
        Arrays.fill(heads, -1);
    }

    int size()
    {
        return size;
    }

    long key(final int id)
    {
        return keys[id];
    }

    long value(final int id)
    {
        return values[id];
    }

    void value(final int id, final long value)
    {
        values[id] = value;
    }

    int find(final long key)
    {
        for (int id = heads[bucket(key)]; id != -1; id = next[id])
        {
            if (keys[id] == key)
            {
                return id;
            }
        }
        return -1;
    }

    int insert(final long key, final long initial)
    {
        final int found = find(key);
        if (found >= 0)
        {
            return found;
        }
        if (size == keys.length)
        {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
            next = Arrays.copyOf(next, size * 2);
        }
        final int id = size++;
        keys[id] = key;
        values[id] = initial;
        final int bucket = bucket(key);
        next[id] = heads[bucket];
        heads[bucket] = id;
        return id;
    }

    void merge(final long key, final long value, final LongBinaryOperator f)
    {
        final int found = find(key);
        if (found >= 0)
        {
            values[found] = f.applyAsLong(values[found], value);
        }
        else
        {
            insert(key, value);
        }
    }

    void clear()
    {
        Arrays.fill(heads, -1);
        size = 0;
    }

    private int bucket(final long key)
    {
        return (int)(Long.hashCode(key) & 0x7FFF_FFFF) % heads.length;
    }
}
