package io.sluice.internal.ui;

/**
 * A context's metrics over JMX ({@code io.sluice:type=Streaming,app=<appName>}): the same figures as {@code /metrics},
 * Spark StreamingSource's meaning. Times in milliseconds; -1 when not known yet.
 */
public interface StreamingMetricsMXBean
{
    String getState();

    long getReceivedRecords();

    long getProcessedRecords();

    long getCompletedBatches();

    long getFailedBatches();

    int getWaitingBatches();

    int getRunningBatches();

    int getUnprocessedBatches();

    int getReceivers();

    int getActiveReceivers();

    long getLastCompletedBatchTime();

    long getLastCompletedBatchSchedulingDelayMs();

    long getLastCompletedBatchProcessingDelayMs();

    long getLastCompletedBatchTotalDelayMs();

    long getRecordsAccepted();

    long getRingSlotsInUse();

    long getRingFullWaits();

    long getBytesLogged();

    long getDeadLetters();

    long getDeadLetterOverflow();

    long getOffHeapBytes();
}
