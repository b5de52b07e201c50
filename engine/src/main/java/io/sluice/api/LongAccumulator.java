package io.sluice.api;

import java.util.concurrent.atomic.LongAdder;

/**
 * A named sum of longs that functions add to and the driver side (tests, listeners) reads (Spark's
 * {@code LongAccumulator}), created by {@link StreamingContext#longAccumulator(String)}.
 *
 * <p>Thread contract: {@link #add} may be called from any thread concurrently and allocates nothing; reads are
 * weakly consistent while adds are running and exact once they are done (e.g. in a listener's
 * {@code onBatchCompleted} for the adds of that batch's jobs).
 */
public final class LongAccumulator
{
    private final String name;
    private final LongAdder sum = new LongAdder();
    private final LongAdder count = new LongAdder();

    LongAccumulator(final String name)
    {
        this.name = name;
    }

    public String name()
    {
        return name;
    }

    public void add(final long v)
    {
        sum.add(v);
        count.increment();
    }

    /** The sum of every value added (= {@link #sum()}). */
    public long value()
    {
        return sum.sum();
    }

    public long sum()
    {
        return sum.sum();
    }

    /** How many values were added. */
    public long count()
    {
        return count.sum();
    }

    /** The mean of the values added; {@code NaN} when none. */
    public double avg()
    {
        final long n = count.sum();
        return n == 0 ? Double.NaN : (double)sum.sum() / n;
    }

    /** Back to zero (not atomic with respect to concurrent adds). */
    public void reset()
    {
        sum.reset();
        count.reset();
    }

    @Override
    public String toString()
    {
        return "LongAccumulator(" + name + ", value: " + value() + ")";
    }
}
