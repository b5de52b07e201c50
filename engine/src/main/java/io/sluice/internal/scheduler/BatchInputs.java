package io.sluice.internal.scheduler;

import java.util.Map;

/** Counts what each input stream read for a batch (for {@code BatchInfo.numRecords}). */
@FunctionalInterface
public interface BatchInputs
{
    /** Records per input stream id for batch {@code time}; called on the generator thread after the cut. */
    Map<Integer, Long> recordsPerStream(long time);
}
