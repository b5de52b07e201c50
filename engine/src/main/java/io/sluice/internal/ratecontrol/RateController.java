package io.sluice.internal.ratecontrol;

import io.sluice.api.BatchInfo;
import io.sluice.api.StreamingListener;

import java.util.function.LongConsumer;

/**
 * Backpressure for one receiver (Spark's {@code RateController}): after each completed batch, asks the estimator
 * for a new rate from what the batch read from the receiver's input stream and how long it took, and hands it to
 * the receiver's rate limiter. Runs on the listener thread.
 */
public final class RateController implements StreamingListener
{
    private final int inputStreamId;
    private final PidRateEstimator estimator;
    private final LongConsumer publishRate;
    private final long maxRate;

    /**
     * @param inputStreamId the receiver's input stream id (its key in {@link BatchInfo#streamIdToNumRecords()}).
     * @param publishRate   sets the receiver's limit (records per second).
     * @param maxRate       {@code sluice.receiver.maxRate}: estimates above it are capped.
     */
    public RateController(final int inputStreamId, final PidRateEstimator estimator, final LongConsumer publishRate,
        final long maxRate)
    {
        this.inputStreamId = inputStreamId;
        this.estimator = estimator;
        this.publishRate = publishRate;
        this.maxRate = maxRate;
    }

    @Override
    public void onBatchCompleted(final BatchInfo info)
    {
        if (info.processingEndTime().isEmpty() || info.processingDelay().isEmpty() || info.schedulingDelay().isEmpty())
        {
            return;
        }
        final long records = info.streamIdToNumRecords().getOrDefault(inputStreamId, 0L);
        final double rate = estimator.compute(info.processingEndTime().get(), records,
            info.processingDelay().get().toMillis(), info.schedulingDelay().get().toMillis());
        if (!Double.isNaN(rate) && rate > 0)
        {
            publishRate.accept((long)Math.min(rate, maxRate));
        }
    }
}
