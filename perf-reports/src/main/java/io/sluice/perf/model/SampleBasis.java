package io.sluice.perf.model;

/**
 * What the samples of a {@link Metric} are, which decides how far a verdict on them can be trusted.
 */
public enum SampleBasis
{
    /** One mean per fork: forks are independent JVMs, the right unit for a t-test. */
    FORKS("per-fork means"),
    /** Only one fork ran: the samples are its iterations, which share JIT and heap state, so p is optimistic. */
    ITERATIONS("iterations of a single fork"),
    /** A single value (e.g. a latency percentile): no variance, the verdict is a plain ratio. */
    SINGLE_VALUE("single value, ratio only");

    private final String description;

    SampleBasis(final String description)
    {
        this.description = description;
    }

    /**
     * Human-readable description for reports.
     *
     * @return the description
     */
    public String description()
    {
        return description;
    }
}
