package io.sluice.internal.ratecontrol;

/**
 * Spark's {@code PIDRateEstimator}: from what the last batch processed, the ingestion rate (records per second) a
 * receiver should be limited to so that processing keeps up with the batch interval.
 *
 * <pre>
 * processingRate  = numElements / processingDelay * 1000
 * error           = latestRate - processingRate
 * historicalError = schedulingDelay * processingRate / batchInterval
 * dError          = (error - latestError) / secondsSinceLastUpdate
 * newRate         = max(latestRate - P * error - I * historicalError - D * dError, minRate)
 * </pre>
 *
 * No estimate unless time moved forward, the batch had records and took some time; the first valid call only seeds
 * the rate. Thread-safe.
 */
public final class PidRateEstimator
{
    private final long batchIntervalMs;
    private final double proportional;
    private final double integral;
    private final double derivative;
    private final double minRate;
    private boolean isFirstRun = true;
    private long latestTime = -1L;
    private double latestRate = -1D;
    private double latestError = -1D;

    /**
     * @throws IllegalArgumentException unless batchIntervalMs &gt; 0, the gains are &gt;= 0 and minRate &gt; 0.
     */
    public PidRateEstimator(final long batchIntervalMs, final double proportional, final double integral,
        final double derivative, final double minRate)
    {
        require(batchIntervalMs > 0, "Specified batch interval " + batchIntervalMs + " in PIDRateEstimator is invalid.");
        require(proportional >= 0, "Proportional term " + proportional + " in PIDRateEstimator should be >= 0.");
        require(integral >= 0, "Integral term " + integral + " in PIDRateEstimator should be >= 0.");
        require(derivative >= 0, "Derivative term " + derivative + " in PIDRateEstimator should be >= 0.");
        require(minRate > 0, "Minimum rate in PIDRateEstimator should be > 0");
        this.batchIntervalMs = batchIntervalMs;
        this.proportional = proportional;
        this.integral = integral;
        this.derivative = derivative;
        this.minRate = minRate;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException("requirement failed: " + message);
        }
    }

    /**
     * @param time            when the batch finished processing (ms).
     * @param numElements     records the batch read from this receiver's stream.
     * @param processingDelay how long the batch's jobs took (ms).
     * @param schedulingDelay how long the batch waited before its jobs started (ms).
     * @return the new rate in records per second, or {@link Double#NaN} when there is no estimate.
     */
    public synchronized double compute(final long time, final long numElements, final long processingDelay,
        final long schedulingDelay)
    {
        if (time <= latestTime || numElements <= 0 || processingDelay <= 0)
        {
            return Double.NaN;
        }
        final double delaySinceUpdate = (time - latestTime) / 1000.0;
        final double processingRate = numElements / (double)processingDelay * 1000.0;
        final double error = latestRate - processingRate;
        final double historicalError = schedulingDelay * processingRate / batchIntervalMs;
        final double dError = (error - latestError) / delaySinceUpdate;
        final double newRate = Math.max(latestRate - proportional * error - integral * historicalError
            - derivative * dError, minRate);
        latestTime = time;
        if (isFirstRun)
        {
            latestRate = processingRate;
            latestError = 0;
            isFirstRun = false;
            return Double.NaN;
        }
        latestRate = newRate;
        latestError = error;
        return newRate;
    }
}
