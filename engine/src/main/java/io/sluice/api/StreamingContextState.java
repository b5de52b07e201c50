package io.sluice.api;

/** A context's lifecycle, as Spark's {@code StreamingContextState}: INITIALIZED → ACTIVE → STOPPED. */
public enum StreamingContextState
{
    /** Created; inputs, transformations and output operations may be added. */
    INITIALIZED,
    /** Started; batches are generated. Nothing can be added to the graph. */
    ACTIVE,
    /** Stopped; it cannot be started again. */
    STOPPED
}
