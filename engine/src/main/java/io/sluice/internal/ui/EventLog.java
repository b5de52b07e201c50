package io.sluice.internal.ui;

import io.sluice.api.BatchInfo;
import io.sluice.api.OutputOperationInfo;
import io.sluice.api.ReceiverInfo;
import io.sluice.api.StreamingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context's events in the application's log (SLF4J, logger {@code io.sluice.streaming}): start, receivers'
 * starts, stops and errors, failed output operations, and batches slower than the batch interval (the first, then at
 * most one line per {@value #SLOW_LOG_EVERY_MS} ms of batch time with how many since). Runs on the listener thread:
 * nothing here is on the per-record path.
 */
public final class EventLog implements StreamingListener
{
    static final long SLOW_LOG_EVERY_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger("io.sluice.streaming");

    private final String appName;
    private final long batchMs;
    private long lastSlowLogMs = Long.MIN_VALUE;
    private long slowSince;

    public EventLog(final String appName, final long batchMs)
    {
        this.appName = appName;
        this.batchMs = batchMs;
    }

    @Override
    public void onStreamingStarted(final long time)
    {
        LOG.info("StreamingContext '{}' started: batch interval {} ms", appName, batchMs);
    }

    @Override
    public void onReceiverStarted(final ReceiverInfo info)
    {
        LOG.info("receiver {} (stream {}) started", info.name(), info.streamId());
    }

    @Override
    public void onReceiverError(final ReceiverInfo info)
    {
        LOG.warn("receiver {} (stream {}): {}{}", info.name(), info.streamId(), info.lastErrorMessage(),
            info.lastError() == null || info.lastError().isEmpty() ? "" : " (" + firstLine(info.lastError()) + ")");
    }

    @Override
    public void onReceiverStopped(final ReceiverInfo info)
    {
        LOG.info("receiver {} (stream {}) stopped{}", info.name(), info.streamId(),
            info.lastErrorMessage() == null || info.lastErrorMessage().isEmpty() ? ""
                : ": " + info.lastErrorMessage());
    }

    @Override
    public void onBatchCompleted(final BatchInfo info)
    {
        for (final OutputOperationInfo op : info.outputOperationInfos())
        {
            op.failureReason().ifPresent(reason -> LOG.error("batch {}: output operation {} ({}) failed: {}",
                info.batchTime().milliseconds(), op.id(), op.name(), firstLine(reason)));
        }
        final long processing = info.processingDelay().map(java.time.Duration::toMillis).orElse(0L);
        if (processing > batchMs)
        {
            slowSince++;
            final long time = info.batchTime().milliseconds();
            if (lastSlowLogMs == Long.MIN_VALUE || time - lastSlowLogMs >= SLOW_LOG_EVERY_MS)
            {
                LOG.warn("batch {} took {} ms, longer than the {} ms batch interval ({} slow batch(es) since the last "
                    + "report; scheduling delay now {} ms): batches queue up", time, processing, batchMs, slowSince,
                    info.schedulingDelay().map(java.time.Duration::toMillis).orElse(0L));
                lastSlowLogMs = time;
                slowSince = 0;
            }
        }
    }

    private static String firstLine(final String s)
    {
        final int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
