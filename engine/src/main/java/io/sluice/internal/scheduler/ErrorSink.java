package io.sluice.internal.scheduler;

/** Where the scheduler reports a batch's failure (the context keeps the first for awaitTermination). */
@FunctionalInterface
public interface ErrorSink
{
    void report(RuntimeException error);
}
