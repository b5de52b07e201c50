package io.sluice.recovery;

/**
 * Deliberate faults in the child's pipeline, for the harness's self-tests: a harness that cannot fail proves nothing,
 * so {@code CrashMatrixTest} runs these and expects the checkers to catch them.
 */
public enum Sabotage
{
    /** The real pipeline. */
    NONE,
    /** The sink appends to a batch's file instead of replacing it: a re-run batch comes out twice. */
    APPENDING_SINK,
    /** Counts per key kept in a map on the child's heap, outside the engine's state: a crash loses them. */
    HEAP_STATE
}
