package io.sluice.api;

/**
 * A snapshot of one named accumulator, as {@link StreamingContext#accumulators()} reports it (Spark's UI and
 * {@code AccumulableInfo} show named accumulators the same way).
 *
 * @param name  the accumulator's name.
 * @param value its value when the snapshot was taken: a {@link Long} or a {@link Double}.
 * @param count how many values had been added.
 */
public record AccumulatorValue(String name, Number value, long count)
{
}
