package io.sluice.internal.graph;

/**
 * One output operation's work for one batch.
 *
 * @param outputId the output operation's registration index.
 * @param name     what the operation is, e.g. {@code "print"}.
 * @param time     the batch time.
 * @param body     runs the operation; throws what the user's function threw.
 * @param isReplay true for recovery's replay of an output that already ran: the body only computes the batch.
 */
public record Job(int outputId, String name, long time, Runnable body, boolean isReplay)
{
}
