package io.sluice.perf.model;

/**
 * Which way is better for a metric. Throughput is better higher; time per operation, latency percentiles and
 * allocation per operation are better lower.
 */
public enum Direction
{
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /**
     * JMH's normalised allocation metric, bytes allocated per operation. JMH 1.37 names it
     * {@code gc.alloc.rate.norm}; older versions prefix a middle dot ({@code ·gc.alloc.rate.norm}).
     */
    public static final String GC_ALLOC_RATE_NORM = "gc.alloc.rate.norm";

    /**
     * Direction of a JMH primary metric.
     *
     * @param mode the JMH mode short name, or {@code hdr} for a latency percentile
     * @return the direction
     * @throws IllegalArgumentException for a mode this tool does not know, rather than guessing
     */
    public static Direction ofMode(final String mode)
    {
        switch (mode)
        {
            case "thrpt":
                return HIGHER_IS_BETTER;
            case "avgt":
            case "sample":
            case "ss":
            case "hdr":
                return LOWER_IS_BETTER;
            default:
                throw new IllegalArgumentException("unknown benchmark mode '" + mode + "'");
        }
    }

    /**
     * Whether a JMH secondary metric is the allocation-per-operation metric (lower is better).
     *
     * @param secondaryName the name as JMH writes it, with or without the leading middle dot
     * @return true for {@code gc.alloc.rate.norm}
     */
    public static boolean isAllocationPerOperation(final String secondaryName)
    {
        return secondaryName.equals(GC_ALLOC_RATE_NORM) || secondaryName.equals("\u00b7" + GC_ALLOC_RATE_NORM);
    }

    /**
     * Whether a relative change {@code (candidate - baseline) / baseline} is for the better.
     *
     * @param relativeChange the signed change; zero is neither
     * @return true when it moves in the better direction
     */
    public boolean isImprovement(final double relativeChange)
    {
        return this == HIGHER_IS_BETTER ? relativeChange > 0 : relativeChange < 0;
    }
}
