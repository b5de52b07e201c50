package io.sluice.peers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * NEXMark q5's last step over one window's counts: the item(s) with the largest count, ties all kept, listed in
 * sorted order. Every engine feeds one window's (auction, count) pairs into one of these (Flink in an all-window
 * function, Jet as an aggregate operation's accumulator, Sluice and Spark in their output operation) and emits
 * {@link #emit}'s rows, so the check compares the same thing for all four.
 */
public final class HotItems
{
    private long max = Long.MIN_VALUE;
    private final List<String> ties = new ArrayList<>();

    /** Offers one item's count. */
    public HotItems add(final String item, final long count)
    {
        if (count > max)
        {
            max = count;
            ties.clear();
        }
        if (count == max)
        {
            ties.add(item);
        }
        return this;
    }

    /** @return whether {@code count} could be among the hot items seen so far (lets a caller skip making a key). */
    public boolean isCandidate(final long count)
    {
        return count >= max;
    }

    /** Merges another window part's hot items into these (for two-stage aggregation). */
    public HotItems combine(final HotItems other)
    {
        for (final String item : other.ties)
        {
            add(item, other.max);
        }
        return this;
    }

    /** @return the hot items, sorted. */
    public List<String> items()
    {
        final List<String> sorted = new ArrayList<>(ties);
        Collections.sort(sorted);
        return sorted;
    }

    /** @return the hot items' count ({@link Long#MIN_VALUE} before any item). */
    public long max()
    {
        return max;
    }

    /** Adds one output row per hot item, in sorted order: (batch, item, count). */
    public void emit(final long batch, final Outcome outcome, final boolean isKept)
    {
        for (final String item : items())
        {
            outcome.add(batch, item, max, isKept);
        }
    }
}
