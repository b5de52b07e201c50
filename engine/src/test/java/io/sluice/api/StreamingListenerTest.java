package io.sluice.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.conformance.ConformanceCases;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEMANTICS §13 and the listener conformance cases. */
public class StreamingListenerTest
{
    static final class Recorder implements StreamingListener
    {
        final List<BatchInfo> submitted = new CopyOnWriteArrayList<>();
        final List<BatchInfo> started = new CopyOnWriteArrayList<>();
        final List<BatchInfo> completed = new CopyOnWriteArrayList<>();
        final List<OutputOperationInfo> outputStarted = new CopyOnWriteArrayList<>();
        final List<OutputOperationInfo> outputCompleted = new CopyOnWriteArrayList<>();
        final List<String> order = new CopyOnWriteArrayList<>();

        @Override
        public void onBatchSubmitted(final BatchInfo info)
        {
            submitted.add(info);
            order.add("submitted " + info.batchTime());
        }

        @Override
        public void onBatchStarted(final BatchInfo info)
        {
            started.add(info);
            order.add("started " + info.batchTime());
        }

        @Override
        public void onBatchCompleted(final BatchInfo info)
        {
            completed.add(info);
            order.add("completed " + info.batchTime());
        }

        @Override
        public void onOutputOperationStarted(final OutputOperationInfo info)
        {
            outputStarted.add(info);
        }

        @Override
        public void onOutputOperationCompleted(final OutputOperationInfo info)
        {
            outputCompleted.add(info);
        }
    }

    @Test
    @DisplayName("batch info reporting")
    void batchInfoReporting()
    {
        final JsonNode spec = ConformanceCases.byName("batch info reporting");
        final JsonNode assertions = spec.get("assertions");
        final List<List<Integer>> input = new ArrayList<>();
        spec.get("input").forEach(batch ->
        {
            final List<Integer> values = new ArrayList<>();
            batch.forEach(v -> values.add(v.asInt()));
            input.add(values);
        });
        final Recorder recorder = new Recorder();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(spec.get("params").get("batchMs").asLong())))
        {
            driver.context().addStreamingListener(recorder);
            driver.collect(driver.input(input).map(x -> x));
            driver.start();
            driver.advance(spec.get("params").get("numBatches").asInt());
        }
        assertEquals(assertions.get("submitted").get("count").asInt(), recorder.submitted.size());
        assertEquals(assertions.get("started").get("count").asInt(), recorder.started.size());
        assertEquals(assertions.get("completed").get("count").asInt(), recorder.completed.size());
        for (final BatchInfo info : recorder.submitted)
        {
            assertFalse(info.schedulingDelay().isPresent());
            assertFalse(info.processingDelay().isPresent());
            assertFalse(info.totalDelay().isPresent());
            assertEquals(assertions.get("submitted").get("numRecords").asLong(), info.numRecords());
            assertEquals(java.util.Map.of(0, 1L), info.streamIdToNumRecords());
        }
        for (final BatchInfo info : recorder.started)
        {
            assertTrue(info.schedulingDelay().isPresent() && !info.schedulingDelay().get().isNegative());
            assertFalse(info.processingDelay().isPresent());
            assertFalse(info.totalDelay().isPresent());
            assertEquals(1, info.numRecords());
        }
        long lastSubmission = Long.MIN_VALUE;
        for (final BatchInfo info : recorder.completed)
        {
            assertTrue(info.schedulingDelay().isPresent() && !info.schedulingDelay().get().isNegative());
            assertTrue(info.processingDelay().isPresent() && !info.processingDelay().get().isNegative());
            assertTrue(info.totalDelay().isPresent() && !info.totalDelay().get().isNegative());
            assertEquals(1, info.numRecords());
            assertTrue(info.submissionTime() >= lastSubmission);
            lastSubmission = info.submissionTime();
        }
        for (final BatchInfo info : recorder.completed)
        {
            final int submittedAt = recorder.order.indexOf("submitted " + info.batchTime());
            final int startedAt = recorder.order.indexOf("started " + info.batchTime());
            final int completedAt = recorder.order.indexOf("completed " + info.batchTime());
            assertTrue(0 <= submittedAt && submittedAt < startedAt && startedAt < completedAt, recorder.order.toString());
        }
    }

    @Test
    @DisplayName("output operation reporting")
    void outputOperationReporting()
    {
        final JsonNode spec = ConformanceCases.byName("output operation reporting");
        final Recorder recorder = new Recorder();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            driver.context().addStreamingListener(recorder);
            final DStream<Integer> in = driver.input(List.of(List.of(1, 2)));
            in.foreachBatch((batch, time) -> batch.count());
            in.foreachBatch((batch, time) -> batch.collect());
            in.foreachBatch((batch, time) -> batch.count());
            driver.start();
            driver.advance(1);
        }
        final List<Integer> startedIds = new ArrayList<>();
        recorder.outputStarted.subList(0, 3).forEach(info -> startedIds.add(info.id()));
        final List<Integer> completedIds = new ArrayList<>();
        recorder.outputCompleted.subList(0, 3).forEach(info -> completedIds.add(info.id()));
        final List<Integer> expectedStarted = new ArrayList<>();
        spec.get("assertions").get("startedIdsPrefix").forEach(v -> expectedStarted.add(v.asInt()));
        final List<Integer> expectedCompleted = new ArrayList<>();
        spec.get("assertions").get("completedIdsPrefix").forEach(v -> expectedCompleted.add(v.asInt()));
        assertEquals(expectedStarted, startedIds);
        assertEquals(expectedCompleted, completedIds);
        assertEquals(3, recorder.completed.get(0).outputOperationInfos().size());
        recorder.outputCompleted.forEach(info -> assertFalse(info.failureReason().isPresent()));
    }

    @Test
    void batchesWithoutJobsPostNoEventsAndFailuresStillComplete()
    {
        final Recorder recorder = new Recorder();
        final List<List<Integer>> input = new ArrayList<>();
        input.add(null);
        input.add(List.of(5));
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            driver.context().addStreamingListener(recorder);
            driver.input(input).foreachBatch((batch, time) ->
            {
                throw new IllegalArgumentException("bad batch " + time);
            });
            driver.start();
            try
            {
                driver.advance(2);
            }
            catch (final SluiceException expected)
            {
                assertTrue(expected.getMessage().contains("2000 ms"), expected.getMessage());
            }
        }
        assertEquals(1, recorder.submitted.size());
        assertEquals(new Time(2000), recorder.completed.get(0).batchTime());
        final OutputOperationInfo failed = recorder.outputCompleted.get(0);
        assertTrue(failed.failureReason().isPresent());
        assertTrue(failed.failureReason().get().contains("bad batch 2000 ms"), failed.failureReason().get());
    }
}
