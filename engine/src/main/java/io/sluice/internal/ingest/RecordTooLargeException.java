package io.sluice.internal.ingest;

/**
 * Thrown by {@code store()} when a record's encoding needs more than {@code sluice.ring.slotBytes}. The record is
 * not accepted and nothing of it reaches the log.
 */
public final class RecordTooLargeException extends IllegalArgumentException
{
    public RecordTooLargeException(final String codecName, final int slotBytes)
    {
        super("a " + codecName + " record does not fit in " + slotBytes + " bytes: raise " +
            IngestConfig.SLOT_BYTES_PROP_NAME + " (and " + IngestConfig.BLOCK_BYTES_PROP_NAME +
            " to at least slotBytes + 8) or split the record");
    }
}
