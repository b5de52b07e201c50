package io.sluice.recovery;

/**
 * The pipelines the crash matrix runs, one per kind of state the engine must recover: none, the generic and the
 * fast-path {@code updateStateByKey}, a generic {@code mapWithState} with a timeout, and an incremental window with
 * an inverse function. The child ({@link CrashChildMain}) builds the pipeline named by {@link #id()}; the harness
 * picks the checker that fits it ({@link CrashHarness}).
 *
 * <p>Immutable; safe from any thread.
 */
public enum PipelineAxis
{
    /** Records pass through: each batch file holds the batch's lines. Checked by {@link TotalQueueChecker}. */
    STATELESS("stateless"),
    /** Generic {@code updateStateByKey} count per key: each batch file holds the whole state. {@link StateChecker}. */
    STATE_GENERIC("state-generic"),
    /** Fast-path {@code LongLongPairDStream.updateStateByKey} count per key id. {@link StateChecker}. */
    STATE_FAST("state-fast"),
    /** Generic {@code mapWithState} emitting (key, running count) per record, 1 h timeout. {@link SequenceChecker}. */
    MAP_WITH_STATE("mapwithstate"),
    /** Generic {@code reduceByKeyAndWindow} with an inverse. {@link WindowChecker}. */
    WINDOW_INVERSE("window-inverse");

    /** The window of {@link #WINDOW_INVERSE}, in batch intervals. */
    public static final int WINDOW_BATCHES = 4;
    /** The slide of {@link #WINDOW_INVERSE}, in batch intervals. */
    public static final int SLIDE_BATCHES = 2;

    /**
     * The checkpoint interval of every stateful stream, in batch intervals (a multiple of the slide): small, so
     * state snapshots are written, and recovered from, within a few-second run.
     */
    public static final int CHECKPOINT_BATCHES = 10;

    private final String id;

    PipelineAxis(final String id)
    {
        this.id = id;
    }

    /** The name used on the child's command line and in the summary lines. */
    public String id()
    {
        return id;
    }

    /** Whether output times lie on a slide and a final check needs the window to have slid past all data. */
    public boolean isWindowed()
    {
        return this == WINDOW_INVERSE;
    }

    /** The window length in ms for a batch interval of {@code intervalMs} (0 for the unwindowed axes). */
    public long windowMs(final long intervalMs)
    {
        return isWindowed() ? WINDOW_BATCHES * intervalMs : 0L;
    }

    /** The checkpoint interval in ms of the stateful streams for a batch interval of {@code intervalMs}. */
    public static long checkpointMs(final long intervalMs)
    {
        return CHECKPOINT_BATCHES * intervalMs;
    }

    /** The slide in ms for a batch interval of {@code intervalMs} (the interval for the unwindowed axes). */
    public long slideMs(final long intervalMs)
    {
        return isWindowed() ? SLIDE_BATCHES * intervalMs : intervalMs;
    }

    /** The axis named {@code id}; {@link IllegalArgumentException} for an unknown name. */
    public static PipelineAxis of(final String id)
    {
        for (final PipelineAxis axis : values())
        {
            if (axis.id.equals(id))
            {
                return axis;
            }
        }
        throw new IllegalArgumentException("unknown pipeline axis " + id);
    }

    @Override
    public String toString()
    {
        return id;
    }
}
