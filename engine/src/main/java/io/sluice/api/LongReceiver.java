package io.sluice.api;

/**
 * A receiver of {@code long}s for the fast path ({@link StreamingContext#longReceiverStream}): {@link #storeLong}
 * puts the value in the ingest ring as {@link Codecs#LONG}'s 8 bytes without boxing it, and the batch arrives as an
 * off-heap long column of a {@link LongDStream}. Otherwise Spark's receiver contract, as {@link Receiver}:
 * {@code store(Long)} also works (it boxes).
 */
public abstract class LongReceiver extends Receiver<Long>
{
    /**
     * Stores one value; allocates nothing. Thread-safe; blocks while the ring is full, as {@code store}.
     *
     * @throws IllegalStateException before {@code onStart()}.
     */
    public final void storeLong(final long value)
    {
        supervisorForStore().storeLong(value);
    }
}
