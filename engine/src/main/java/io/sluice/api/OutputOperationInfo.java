package io.sluice.api;

import java.util.Optional;

/**
 * One output operation of one batch. {@code id} is its registration index in the context (0-based).
 * Times are the context clock's milliseconds; empty until known.
 */
public record OutputOperationInfo(Time batchTime, int id, String name, String description,
                                  Optional<Long> startTime, Optional<Long> endTime, Optional<String> failureReason)
{
    /** {@code endTime - startTime} once both are known. */
    public Optional<Long> durationMs()
    {
        return startTime.isPresent() && endTime.isPresent() ? Optional.of(endTime.get() - startTime.get()) : Optional.empty();
    }
}
