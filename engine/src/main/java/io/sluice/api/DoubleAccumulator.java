package io.sluice.api;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A named sum of doubles that functions add to and the driver side (tests, listeners) reads (Spark's
 * {@code DoubleAccumulator}), created by {@link StreamingContext#doubleAccumulator(String)}.
 *
 * <p>Thread contract: as {@link LongAccumulator}. The sum of concurrent adds may differ in the last bits from a
 * sequential sum (floating-point addition is not associative).
 */
public final class DoubleAccumulator
{
    private final String name;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    DoubleAccumulator(final String name)
    {
        this.name = name;
    }

    public String name()
    {
        return name;
    }

    public void add(final double v)
    {
        sum.add(v);
        count.increment();
    }

    /** The sum of every value added (= {@link #sum()}). */
    public double value()
    {
        return sum.sum();
    }

    public double sum()
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
        return n == 0 ? Double.NaN : sum.sum() / n;
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
        return "DoubleAccumulator(" + name + ", value: " + value() + ")";
    }
}
