package io.sluice.internal.ingest;

/**
 * The log-writer thread failed (the cause says why, typically an I/O error from Chronicle): the pipeline accepts
 * no more records and no more batches complete.
 */
public final class LogWriterFailedException extends IllegalStateException
{
    public LogWriterFailedException(final Throwable cause)
    {
        super("the ingest log writer failed: " + cause + "; the pipeline must be closed and restarted", cause);
    }
}
