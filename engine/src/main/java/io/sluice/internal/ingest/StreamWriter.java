package io.sluice.internal.ingest;

import com.lmax.disruptor.RingBuffer;
import io.sluice.api.Codec;

import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stores records of one input stream into the ingest ring: claims a slot, encodes the record straight into the
 * slot's off-heap buffer with the stream's {@link Codec}, publishes it. A record is <em>accepted</em> when
 * {@code store} returns normally; an accepted record is in exactly one segment.
 *
 * <p>Thread-safe: any number of receiver threads may share one writer. Allocates nothing per record beyond what
 * the codec's {@code encode} allocates (the built-in codecs allocate nothing) and what the caller boxes.
 * When the ring is full, {@code store} waits or throws per {@code sluice.ring.fullPolicy}.
 *
 * <p>Rate limit: {@link #setMaxRate(long)} throttles {@link #store(Object)} only, as Spark's receivers throttle
 * single-record {@code store} but not {@code store(Iterator)} or other bulk stores.
 *
 * @param <T> the record type.
 */
public final class StreamWriter<T>
{
    private final IngestPipeline pipeline;
    private final RingBuffer<IngestSlot> ring;
    private final int streamId;
    private final Codec<T> codec;
    private final int slotBytes;
    private final int batchClaimSize;
    private final LongAdder accepted;
    private final RateLimiter rateLimiter = new RateLimiter();

    StreamWriter(
        final IngestPipeline pipeline,
        final RingBuffer<IngestSlot> ring,
        final int streamId,
        final Codec<T> codec,
        final int slotBytes,
        final LongAdder accepted)
    {
        this.pipeline = pipeline;
        this.ring = ring;
        this.streamId = streamId;
        this.codec = codec;
        this.slotBytes = slotBytes;
        this.accepted = accepted;
        this.batchClaimSize = Math.max(1, Math.min(IngestPipeline.MAX_BATCH_CLAIM, ring.getBufferSize() / 2));
    }

    /**
     * @return the stream this writer stores into.
     */
    public int streamId()
    {
        return streamId;
    }

    /**
     * Stores one record.
     *
     * @throws RecordTooLargeException  if its encoding exceeds {@code sluice.ring.slotBytes}; nothing is written.
     * @throws RingFullException        under the {@code fail} policy when the ring is full.
     * @throws IllegalStateException    once the pipeline is closing or closed.
     * @throws LogWriterFailedException if the log writer has failed.
     */
    public void store(final T value)
    {
        rateLimiter.acquire();
        final RingBuffer<IngestSlot> ring = this.ring;
        final long sequence = pipeline.claim(1);
        final IngestSlot slot = ring.get(sequence);
        slot.type = IngestSlot.SKIP;
        try
        {
            pipeline.checkAcceptingAfterClaim();
            final int length = codec.encode(value, slot.buffer, 0, slotBytes);
            if (length < 0)
            {
                throw new RecordTooLargeException(codec.name(), slotBytes);
            }
            slot.streamId = streamId;
            slot.length = length;
            slot.type = IngestSlot.RECORD;
        }
        finally
        {
            ring.publish(sequence);
        }
        accepted.increment();
    }

    /**
     * Stores one {@code long} without boxing: the fast path of a stream whose codec is {@code Codecs.LONG} (the same
     * 8 bytes that codec writes). Rate limited and failing as {@link #store(Object)}.
     *
     * @throws IllegalStateException if this stream's codec is not {@code Codecs.LONG}.
     */
    public void storeLong(final long value)
    {
        if (codec != io.sluice.api.Codecs.LONG)
        {
            throw new IllegalStateException("storeLong needs a stream with Codecs.LONG, this one has " + codec.name());
        }
        rateLimiter.acquire();
        final RingBuffer<IngestSlot> ring = this.ring;
        final long sequence = pipeline.claim(1);
        final IngestSlot slot = ring.get(sequence);
        slot.type = IngestSlot.SKIP;
        try
        {
            pipeline.checkAcceptingAfterClaim();
            if (slotBytes < Long.BYTES)
            {
                throw new RecordTooLargeException(codec.name(), slotBytes);
            }
            slot.buffer.putLong(0, value);
            slot.streamId = streamId;
            slot.length = Long.BYTES;
            slot.type = IngestSlot.RECORD;
        }
        finally
        {
            ring.publish(sequence);
        }
        accepted.increment();
    }

    /**
     * Stores every record {@code values} yields, claiming slots in batches. Not rate limited.
     * If one record fails (too large, codec error), the records before it are accepted, it and the rest are not
     * (the iterator has consumed the failing one).
     *
     * @throws RecordTooLargeException  if a record's encoding exceeds {@code sluice.ring.slotBytes}.
     * @throws RingFullException        under the {@code fail} policy when the ring is full.
     * @throws IllegalStateException    once the pipeline is closing or closed.
     */
    public void store(final Iterator<? extends T> values)
    {
        final RingBuffer<IngestSlot> ring = this.ring;
        final Codec<T> codec = this.codec;
        final int slotBytes = this.slotBytes;
        final int streamId = this.streamId;
        while (values.hasNext())
        {
            final int n = batchClaimSize;
            final long hi = pipeline.claim(n);
            final long lo = hi - n + 1;
            long sequence = lo;
            int stored = 0;
            try
            {
                pipeline.checkAcceptingAfterClaim();
                for (; sequence <= hi && values.hasNext(); sequence++)
                {
                    final IngestSlot slot = ring.get(sequence);
                    slot.type = IngestSlot.SKIP;
                    final int length = codec.encode(values.next(), slot.buffer, 0, slotBytes);
                    if (length < 0)
                    {
                        throw new RecordTooLargeException(codec.name(), slotBytes);
                    }
                    slot.streamId = streamId;
                    slot.length = length;
                    slot.type = IngestSlot.RECORD;
                    stored++;
                }
            }
            finally
            {
                for (; sequence <= hi; sequence++)
                {
                    ring.get(sequence).type = IngestSlot.SKIP;
                }
                ring.publish(lo, hi);
                accepted.add(stored);
            }
        }
    }

    /** Waits until every record stored so far is appended to the log (see {@link IngestPipeline#awaitAppended()}). */
    public void awaitAppended()
    {
        pipeline.awaitAppended();
    }

    /** The stream's last document index in the log (-1: none); call after {@link #awaitAppended()}. */
    public long lastIndex()
    {
        return pipeline.lastIndex(streamId);
    }

    /** How many of the stream's records the log holds after document {@code index} (-1: all). */
    public long recordsAfter(final long index)
    {
        return pipeline.recordsAfter(streamId, index);
    }

    /**
     * Limits {@link #store(Object)} to {@code recordsPerSecond} across every thread using this writer.
     *
     * @param recordsPerSecond the rate; zero, negative or {@link Long#MAX_VALUE} removes the limit (the default).
     */
    public void setMaxRate(final long recordsPerSecond)
    {
        rateLimiter.setRate(recordsPerSecond);
    }
}
