package io.sluice.perf.model;

import java.util.Objects;

/**
 * One measured quantity of one benchmark in one run: JMH's score and error and the samples a test can use.
 *
 * @param name       {@code primary} for the primary metric, else JMH's secondary name (e.g. {@code ·gc.alloc.rate.norm})
 *                   or a percentile name ({@code p99})
 * @param unit       JMH's score unit, e.g. {@code ops/us}, {@code ns/op}, {@code B/op}
 * @param score      JMH's score (mean over all iterations of all forks)
 * @param scoreError JMH's 99.9% half-width; {@code NaN} when unknown
 * @param samples    the independent samples (see {@code basis}); not copied, callers must not modify
 * @param basis      what the samples are
 */
public record Metric(String name, String unit, double score, double scoreError, double[] samples, SampleBasis basis)
{
    /**
     * Validates.
     *
     * @throws NullPointerException if a reference component is null
     */
    public Metric
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(basis, "basis");
    }

    /**
     * The same metric expressed in another unit by a multiplicative factor.
     *
     * @param newUnit the unit after scaling
     * @param factor  multiply every value by this
     * @return a new metric
     */
    public Metric scaled(final String newUnit, final double factor)
    {
        final double[] scaledSamples = new double[samples.length];
        for (int i = 0; i < samples.length; i++)
        {
            scaledSamples[i] = samples[i] * factor;
        }
        return new Metric(name, newUnit, score * factor, scoreError * factor, scaledSamples, basis);
    }
}
