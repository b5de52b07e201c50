package io.sluice.recovery;

/**
 * What the harness's control loop waits for: a line a child printed, a child's exit, the feeder's drain signal.
 * Immutable; posted from the pump, exit-watcher and feeder threads, taken by the test thread.
 */
public sealed interface HarnessEvent
{
    /** A line the child of life {@code life} printed; {@code nanos} is when it was read ({@link System#nanoTime}). */
    record Line(int life, boolean isStdout, String text, long nanos) implements HarnessEvent
    {
    }

    /** The child of life {@code life} exited with {@code code}, after both of its streams ended. */
    record Exit(int life, int code) implements HarnessEvent
    {
    }

    /** The feeder accepted a connection with nothing left to send: the child has read the whole feed. */
    record Drained() implements HarnessEvent
    {
    }
}
