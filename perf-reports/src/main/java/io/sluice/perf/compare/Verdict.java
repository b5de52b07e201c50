package io.sluice.perf.compare;

/**
 * The outcome of comparing one metric of one benchmark between a baseline and a candidate.
 */
public enum Verdict
{
    /** Better by more than the threshold, and significant. */
    IMPROVED("improved"),
    /** Worse by more than the threshold, and significant: fails the CI gate. */
    REGRESSED("regressed"),
    /** The change is no larger than the minimum effect size. */
    UNCHANGED("unchanged"),
    /** A change larger than the minimum effect that the data cannot confirm (noise, p, too few samples). */
    TOO_NOISY("too noisy to tell");

    private final String text;

    Verdict(final String text)
    {
        this.text = text;
    }

    /**
     * The wording used in every report.
     *
     * @return e.g. {@code too noisy to tell}
     */
    public String text()
    {
        return text;
    }
}
