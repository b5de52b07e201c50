package io.sluice.peers;

/**
 * Runs one workload on one engine, in this JVM, and fills an {@link Outcome}.
 */
public interface EngineRunner
{
    /**
     * @throws UnsupportedOperationException if this engine's runner does not implement {@code spec.workload()}.
     */
    void run(Spec spec, Outcome outcome) throws Exception;
}
