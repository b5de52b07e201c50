package io.sluice.internal.ingest;

import io.sluice.internal.log.BatchSegments;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayQueue;


/**
 * Hands each completed cut's {@link BatchSegments} from the log writer to whoever waits for that batch time.
 * Keeps the last {@link #RETAINED} completed batches so a late waiter still finds its batch; older ones are in the
 * manifest.
 *
 * <p>Thread-safe: the log writer completes, any thread awaits. Allocates per batch (map entries), never per
 * record.
 */
final class BatchCompletions
{
    /** Completed batches kept for late waiters. */
    static final int RETAINED = 4096;

    private final Long2ObjectHashMap<BatchSegments> byTime = new Long2ObjectHashMap<>();
    private final LongArrayQueue order = new LongArrayQueue(RETAINED + 1, Long.MIN_VALUE);
    private long lastCompletedTime = Long.MIN_VALUE;
    private boolean hasCompleted;
    private Throwable failure;
    private boolean isClosed;

    synchronized void complete(final BatchSegments segments)
    {
        final long time = segments.batchTime();
        byTime.put(time, segments);
        order.addLong(time);
        if (order.size() > RETAINED)
        {
            byTime.remove(order.pollLong());
        }
        lastCompletedTime = segments.batchTime();
        hasCompleted = true;
        notifyAll();
    }

    synchronized void fail(final Throwable cause)
    {
        if (null == failure)
        {
            failure = cause;
        }
        notifyAll();
    }

    synchronized void close()
    {
        isClosed = true;
        notifyAll();
    }

    synchronized BatchSegments await(final long batchTime) throws InterruptedException
    {
        while (true)
        {
            final BatchSegments segments = byTime.get(batchTime);
            if (null != segments)
            {
                return segments;
            }
            if (null != failure)
            {
                throw new LogWriterFailedException(failure);
            }
            if (hasCompleted && batchTime <= lastCompletedTime)
            {
                throw new IllegalArgumentException("no segments for batch time " + batchTime + ": no cut was made " +
                    "at that time, or it is older than the last " + RETAINED + " batches (read the manifest)");
            }
            if (isClosed)
            {
                throw new IllegalStateException("the ingest pipeline closed before batch time " + batchTime +
                    " was cut");
            }
            wait();
        }
    }
}
