package io.sluice.api;

/**
 * A record that was rejected instead of processed, kept with the reason (see
 * {@link StreamingContext#deadLetters()}).
 *
 * @param timeMs clock millis when it was rejected.
 * @param stream the input stream's name.
 * @param reason why it was rejected, e.g. {@code "line longer than 1024 bytes (sluice.socket.maxLineBytes)"}.
 * @param record the record as received (for an over-long line, its first {@code sluice.deadLetter.maxRecordBytes}).
 */
public record DeadLetter(long timeMs, String stream, String reason, String record)
{
}
