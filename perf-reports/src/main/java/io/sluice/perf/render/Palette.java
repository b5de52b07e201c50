package io.sluice.perf.render;

import io.sluice.perf.compare.Verdict;

/**
 * The colours of the charts and tables, chosen to stay distinguishable in grey-scale print.
 */
public final class Palette
{
    /** Baseline bars. */
    public static final String BASELINE = "#8d99a6";
    /** Axes and error bars. */
    public static final String INK = "#222222";
    /** Grid lines. */
    public static final String GRID = "#e3e6ea";

    private static final String[] SERIES = {
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
    };

    private Palette()
    {
    }

    /**
     * The colour of a verdict.
     *
     * @param verdict the verdict
     * @return a CSS colour
     */
    public static String of(final Verdict verdict)
    {
        switch (verdict)
        {
            case REGRESSED:
                return "#c92a2a";
            case IMPROVED:
                return "#2b8a3e";
            case TOO_NOISY:
                return "#e67700";
            default:
                return "#1f5fbf";
        }
    }

    /**
     * The colour of the i-th series in a chart.
     *
     * @param index zero-based
     * @return a CSS colour, cycling
     */
    public static String series(final int index)
    {
        return SERIES[index % SERIES.length];
    }
}
