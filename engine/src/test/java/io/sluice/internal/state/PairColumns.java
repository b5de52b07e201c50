package io.sluice.internal.state;

import io.sluice.api.Pair;
import io.sluice.internal.gen.LongVector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Test fixture: a batch of long pairs as the two off-heap columns the fast operators read, and the operators'
 * output columns back as pairs, in column order (the fast operators list keys in the generic path's order, so
 * outputs compare element for element) or sorted.
 */
public final class PairColumns implements AutoCloseable
{
    public final LongVector keys = new LongVector(16);
    public final LongVector values = new LongVector(16);

    /** Replaces the columns' content with {@code pairs} ({@code null}: empty). */
    public PairColumns fill(final List<Pair<Long, Long>> pairs)
    {
        keys.clear();
        values.clear();
        if (pairs != null)
        {
            for (final Pair<Long, Long> pair : pairs)
            {
                keys.add(pair.key());
                values.add(pair.value());
            }
        }
        return this;
    }

    public int size()
    {
        return keys.size();
    }

    /** The columns as pairs, in column order. */
    public List<Pair<Long, Long>> pairs()
    {
        final List<Pair<Long, Long>> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++)
        {
            out.add(Pair.of(keys.get(i), values.get(i)));
        }
        return out;
    }

    /** The columns as pairs sorted by key then value. */
    public List<Pair<Long, Long>> sortedPairs()
    {
        final List<Pair<Long, Long>> out = pairs();
        out.sort(BY_KEY_THEN_VALUE);
        return out;
    }

    public static final Comparator<Pair<Long, Long>> BY_KEY_THEN_VALUE =
        Comparator.comparing((Pair<Long, Long> p) -> p.key()).thenComparing(Pair::value);

    /** {@code batches} of random pairs: keys in [-2, keyCount - 2) (so 0 and negatives occur), values in [1, 5]. */
    public static List<List<Pair<Long, Long>>> randomBatches(final long seed, final int batches, final int keyCount,
        final int maxRecords)
    {
        final Random random = new Random(seed);
        final List<List<Pair<Long, Long>>> out = new ArrayList<>();
        for (int b = 0; b < batches; b++)
        {
            final List<Pair<Long, Long>> batch = new ArrayList<>();
            final int n = random.nextInt(maxRecords + 1);
            for (int i = 0; i < n; i++)
            {
                batch.add(Pair.of((long)(random.nextInt(keyCount) - 2), (long)(1 + random.nextInt(5))));
            }
            out.add(batch);
        }
        return out;
    }

    /** Sorted copies of each batch. */
    public static List<List<Pair<Long, Long>>> sorted(final List<List<Pair<Long, Long>>> batches)
    {
        final List<List<Pair<Long, Long>>> out = new ArrayList<>();
        for (final List<Pair<Long, Long>> batch : batches)
        {
            final List<Pair<Long, Long>> copy = new ArrayList<>(batch);
            copy.sort(BY_KEY_THEN_VALUE);
            out.add(copy);
        }
        return out;
    }

    @Override
    public void close()
    {
        keys.close();
        values.close();
    }
}
