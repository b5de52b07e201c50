package io.sluice.api;

/** A receiver's identity and last error, reported to {@link StreamingListener}s. */
public record ReceiverInfo(int streamId, String name, boolean active, String lastErrorMessage, String lastError)
{
}
