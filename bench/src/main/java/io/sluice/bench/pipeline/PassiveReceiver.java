package io.sluice.bench.pipeline;

import io.sluice.api.Receiver;

/**
 * A receiver with no thread of its own: the benchmark thread calls {@link #store(Object)} directly, so a benchmark
 * controls exactly what enters the ring and when. {@code onStart} and {@code onStop} do nothing.
 *
 * @param <T> the record type.
 */
public final class PassiveReceiver<T> extends Receiver<T>
{
    @Override
    public void onStart()
    {
        // records come from the caller's thread
    }

    @Override
    public void onStop()
    {
        // nothing was opened
    }
}
