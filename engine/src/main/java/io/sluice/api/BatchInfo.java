package io.sluice.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known of one batch when a listener event is posted (Spark's {@code BatchInfo}). Delays are filled
 * progressively: at submission all are empty; at start only {@link #schedulingDelay}; at completion all.
 *
 * @param batchTime            the batch time.
 * @param numRecords           records read by all input streams for this batch.
 * @param schedulingDelay      from submission to the first job's start.
 * @param processingDelay      from the first job's start to the last job's end.
 * @param totalDelay           scheduling + processing.
 * @param submissionTime       clock millis when the batch's jobs were submitted.
 * @param processingStartTime  clock millis when its first job started.
 * @param processingEndTime    clock millis when its last job ended.
 * @param streamIdToNumRecords records per input stream id.
 * @param outputOperationInfos one per output operation that had a job, by id.
 */
public record BatchInfo(Time batchTime, long numRecords, Optional<Duration> schedulingDelay,
                        Optional<Duration> processingDelay, Optional<Duration> totalDelay,
                        long submissionTime, Optional<Long> processingStartTime, Optional<Long> processingEndTime,
                        Map<Integer, Long> streamIdToNumRecords, List<OutputOperationInfo> outputOperationInfos)
{
}
