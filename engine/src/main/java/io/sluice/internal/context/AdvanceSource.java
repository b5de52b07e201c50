package io.sluice.internal.context;

import java.util.function.LongConsumer;

/**
 * A clock that tells listeners about each move before it shows the new time (the testkit's ManualClock), so a
 * context cuts batch boundaries in the ingest ring exactly when its clock crosses them.
 */
public interface AdvanceSource
{
    /** {@code listener} gets the new time before {@code millis()} returns it. */
    void addAdvanceListener(LongConsumer listener);

    void removeAdvanceListener(LongConsumer listener);
}
