package io.sluice.api;

/**
 * A receiver with no thread of its own: the test thread calls {@code store}, {@code storeDeadLetter} directly, so a
 * test decides exactly what enters the ring and when. {@code onStart} and {@code onStop} do nothing.
 *
 * @param <T> the record type.
 */
public final class PassiveReceiver<T> extends Receiver<T>
{
    @Override
    public void onStart()
    {
        // records come from the test thread
    }

    @Override
    public void onStop()
    {
        // nothing was opened
    }
}
