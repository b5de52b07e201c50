package io.sluice.internal.ingest;

/**
 * Thrown by {@code store()} under {@link RingFullPolicy#FAIL} when the ring has no free slot. The record is not
 * accepted.
 */
public final class RingFullException extends IllegalStateException
{
    public RingFullException(final int ringSize)
    {
        super("the ingest ring is full (" + ringSize + " slots): the log writer is behind. Retry later, raise " +
            IngestConfig.RING_SIZE_PROP_NAME + ", or set " + IngestConfig.RING_FULL_POLICY_PROP_NAME +
            "=block to wait for space");
    }
}
