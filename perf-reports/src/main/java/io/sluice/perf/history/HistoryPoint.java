package io.sluice.perf.history;

/**
 * One run's value of one series.
 *
 * @param runIndex   position of the run in the history (0 = oldest given)
 * @param score      JMH's score, in the series' unit
 * @param scoreError JMH's 99.9% half-width in the series' unit; {@code NaN} when unknown
 */
public record HistoryPoint(int runIndex, double score, double scoreError)
{
}
