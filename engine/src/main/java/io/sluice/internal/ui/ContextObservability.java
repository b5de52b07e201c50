package io.sluice.internal.ui;

import io.sluice.api.BatchInfo;
import io.sluice.internal.context.ContextConfig;
import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.internal.scheduler.ListenerBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * What a context shows of itself: its events in the log ({@link EventLog}), the progress listener, the UI server
 * ({@code sluice.ui.*}) and the JMX bean ({@code sluice.jmx.enabled}). Built before the context starts (so the listener sees every event) and closed when it
 * stops.
 */
public final class ContextObservability implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger("io.sluice.streaming");

    private final StreamingProgress progress;
    private final UiServer server;
    private final ObjectName beanName;

    private ContextObservability(final StreamingProgress progress, final UiServer server, final ObjectName beanName)
    {
        this.progress = progress;
        this.server = server;
        this.beanName = beanName;
    }

    /**
     * Adds the progress listener to {@code bus}, starts the UI server and registers the bean, as configured.
     *
     * @throws IllegalStateException when the UI cannot bind (see {@link UiServer#start})
     */
    public static ContextObservability open(final String appName, final ContextConfig config, final long batchMs,
        final ListenerBus bus, final EngineView engine)
    {
        bus.add(new EventLog(appName, batchMs));
        if (!config.isUiEnabled() && !config.isJmxEnabled())
        {
            return new ContextObservability(null, null, null);
        }
        final StreamingProgress progress = new StreamingProgress(config.uiRetainedBatches(), batchMs, engine);
        bus.add(progress);
        UiServer server = null;
        if (config.isUiEnabled())
        {
            server = UiServer.start(appName, progress, engine, config.uiHost(), config.uiPort(), config.isUiPortSet(),
                config.isUiRemoteAllowed());
            LOG.info("Streaming UI of '{}' at {} (metrics at /metrics)", appName, server.url());
        }
        ObjectName name = null;
        if (config.isJmxEnabled())
        {
            try
            {
                name = new ObjectName("io.sluice:type=Streaming,app=" + ObjectName.quote(appName));
                final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
                if (mbeans.isRegistered(name))
                {
                    mbeans.unregisterMBean(name);   // a context of the same name that was never stopped
                }
                mbeans.registerMBean(new Bean(progress, engine), name);
            }
            catch (final Exception e)
            {
                LOG.warn("could not register the JMX bean of '{}': {}", appName, e.toString());
                name = null;
            }
        }
        return new ContextObservability(progress, server, name);
    }

    /** The UI's address ({@code http://127.0.0.1:4040/streaming/}), if it runs. */
    public Optional<String> url()
    {
        return server == null ? Optional.empty() : Optional.of(server.url());
    }

    /** The progress listener (null when both UI and JMX are off). */
    public StreamingProgress progress()
    {
        return progress;
    }

    @Override
    public void close()
    {
        if (server != null)
        {
            server.close();
        }
        if (beanName != null)
        {
            try
            {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(beanName);
            }
            catch (final Exception e)
            {
                LOG.debug("JMX bean {} was already gone", beanName);
            }
        }
    }

    private record Bean(StreamingProgress progress, EngineView engine) implements StreamingMetricsMXBean
    {
        @Override
        public String getState()
        {
            return engine.state();
        }

        @Override
        public long getReceivedRecords()
        {
            return progress.totalReceivedRecords();
        }

        @Override
        public long getProcessedRecords()
        {
            return progress.totalProcessedRecords();
        }

        @Override
        public long getCompletedBatches()
        {
            return progress.totalCompletedBatches();
        }

        @Override
        public long getFailedBatches()
        {
            return progress.failedBatches();
        }

        @Override
        public int getWaitingBatches()
        {
            return progress.waitingBatches();
        }

        @Override
        public int getRunningBatches()
        {
            return progress.runningBatches();
        }

        @Override
        public int getUnprocessedBatches()
        {
            return progress.waitingBatches() + progress.runningBatches();
        }

        @Override
        public int getReceivers()
        {
            return progress.receivers().size();
        }

        @Override
        public int getActiveReceivers()
        {
            return progress.activeReceivers();
        }

        @Override
        public long getLastCompletedBatchTime()
        {
            final BatchInfo last = progress.lastCompleted();
            return last == null ? -1 : last.batchTime().milliseconds();
        }

        @Override
        public long getLastCompletedBatchSchedulingDelayMs()
        {
            final BatchInfo last = progress.lastCompleted();
            return last == null ? -1 : last.schedulingDelay().map(Duration::toMillis).orElse(-1L);
        }

        @Override
        public long getLastCompletedBatchProcessingDelayMs()
        {
            final BatchInfo last = progress.lastCompleted();
            return last == null ? -1 : last.processingDelay().map(Duration::toMillis).orElse(-1L);
        }

        @Override
        public long getLastCompletedBatchTotalDelayMs()
        {
            final BatchInfo last = progress.lastCompleted();
            return last == null ? -1 : last.totalDelay().map(Duration::toMillis).orElse(-1L);
        }

        @Override
        public long getRecordsAccepted()
        {
            return engine.recordsAccepted();
        }

        @Override
        public long getRingSlotsInUse()
        {
            return engine.ringSlotsInUse();
        }

        @Override
        public long getRingFullWaits()
        {
            return engine.ringFullWaits();
        }

        @Override
        public long getBytesLogged()
        {
            return engine.bytesLogged();
        }

        @Override
        public long getDeadLetters()
        {
            return engine.deadLetters();
        }

        @Override
        public long getDeadLetterOverflow()
        {
            return engine.deadLetterOverflow();
        }

        @Override
        public long getOffHeapBytes()
        {
            return OffHeapAllocator.liveBytes();
        }
    }
}
