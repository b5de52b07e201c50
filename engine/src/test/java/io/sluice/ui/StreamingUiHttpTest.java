package io.sluice.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.BatchInfo;
import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.PassiveReceiver;
import io.sluice.api.StreamingContext;
import io.sluice.api.StreamingListener;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming UI's JSON API, the Prometheus endpoint and the JMX bean over real HTTP on loopback, against the
 * listener's own {@link BatchInfo} values: a pipeline on a ManualClock whose output takes measurable (clock) time, three
 * batches of known sizes. Then the refusals: 4xx with a reason and no stack trace, a non-loopback bind, a busy port.
 */
class StreamingUiHttpTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final int[] SIZES = {5, 0, 12};
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** The metrics the README documents: each must be in every scrape. */
    static final List<String> DOCUMENTED_METRICS = List.of("sluice_streaming_received_records_total",
        "sluice_streaming_processed_records_total", "sluice_streaming_completed_batches_total",
        "sluice_streaming_failed_batches_total", "sluice_streaming_waiting_batches", "sluice_streaming_running_batches",
        "sluice_streaming_unprocessed_batches", "sluice_streaming_receivers", "sluice_streaming_active_receivers",
        "sluice_streaming_last_completed_batch_time_seconds",
        "sluice_streaming_last_completed_batch_scheduling_delay_seconds",
        "sluice_streaming_last_completed_batch_processing_delay_seconds",
        "sluice_streaming_last_completed_batch_total_delay_seconds", "sluice_streaming_scheduling_delay_seconds",
        "sluice_streaming_processing_time_seconds", "sluice_streaming_total_delay_seconds",
        "sluice_records_accepted_total", "sluice_ring_slots_in_use", "sluice_ring_slots", "sluice_ring_full_waits_total", "sluice_log_bytes_total", "sluice_dead_letters", "sluice_dead_letters_overflow_total",
        "sluice_offheap_bytes", "sluice_offheap_cached_bytes", "sluice_state_keys",
        "sluice_snapshot_last_batch_time_seconds", "sluice_snapshot_last_duration_seconds",
        "sluice_snapshot_last_capture_seconds", "sluice_snapshot_last_bytes", "sluice_restored_snapshot_time_seconds");

    /** A driver with the UI on a free port, one receiver stream and two outputs; runs the three batches. */
    static final class Run implements AutoCloseable
    {
        final StreamingTestDriver driver;
        final List<BatchInfo> completed = Collections.synchronizedList(new ArrayList<>());
        final String base;
        private final PassiveReceiver<String> receiver;
        private long total;

        Run(final Map<String, String> extra)
        {
            final Map<String, String> settings = new java.util.HashMap<>(Map.of("sluice.ui.enabled", "true",
                "sluice.ui.port", "0", "sluice.jmx.enabled", "true"));
            settings.putAll(extra);
            driver = StreamingTestDriver.create(BATCH, null, settings);
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final DStream<String> lines = driver.context().receiverStream(receiver, Codecs.STRING);
            lines.count().foreachBatch((batch, time) ->
                driver.clock().advance(Duration.ofMillis(3 + batch.collect().get(0))));   // processing takes time
            lines.filter(l -> l.startsWith("a")).print();
            driver.context().addStreamingListener(new StreamingListener()
            {
                @Override
                public void onBatchCompleted(final BatchInfo info)
                {
                    completed.add(info);
                }
            });
            this.receiver = receiver;
            driver.start();
            base = driver.context().uiWebUrl().orElseThrow().replace("/streaming/", "");
            for (final int size : SIZES)
            {
                batch(size);
            }
        }

        /** Stores {@code size} records ("a0", "b1", ...) and runs one batch of them. */
        void batch(final int size)
        {
            for (int i = 0; i < size; i++)
            {
                receiver.store((i % 2 == 0 ? "a" : "b") + i);
            }
            total += size;
            driver.awaitReceived(total);
            driver.advance(1);
        }

        @Override
        public void close()
        {
            driver.close();
        }
    }

    private HttpResponse<String> get(final String url) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(final String url) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = get(url);
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void theApiShowsWhatTheListenerSaw() throws Exception
    {
        try (Run run = new Run(Map.of()))
        {
            assertTrue(run.base.startsWith("http://127.0.0.1:"), run.base);
            final List<BatchInfo> batches = List.copyOf(run.completed);
            assertEquals(3, batches.size());
            final JsonNode stats = getJson(run.base + "/api/v1/streaming/statistics");
            assertEquals(1000, stats.get("batchDuration").asLong());
            assertEquals(3, stats.get("numTotalCompletedBatches").asLong());
            assertEquals(3, stats.get("numRetainedCompletedBatches").asLong());
            assertEquals(0, stats.get("numActiveBatches").asLong());
            assertEquals(17, stats.get("numProcessedRecords").asLong());
            assertEquals(17, stats.get("numReceivedRecords").asLong());
            assertEquals(1, stats.get("numReceivers").asLong());
            assertEquals(1, stats.get("numActiveReceivers").asLong());
            assertEquals(17 / 3.0, stats.get("avgInputRate").asDouble(), 1e-9, "records per second of batch time");
            assertEquals(batches.stream().mapToLong(b -> b.processingDelay().orElseThrow().toMillis()).average()
                .orElseThrow(), stats.get("avgProcessingTime").asDouble(), 1e-9);
            assertEquals(batches.stream().mapToLong(b -> b.schedulingDelay().orElseThrow().toMillis()).average()
                .orElseThrow(), stats.get("avgSchedulingDelay").asDouble(), 1e-9);
            assertEquals(batches.stream().mapToLong(b -> b.totalDelay().orElseThrow().toMillis()).average()
                .orElseThrow(), stats.get("avgTotalDelay").asDouble(), 1e-9);
            assertTrue(stats.get("avgProcessingTime").asDouble() > 0, "the outputs took clock time");
            assertEquals("ACTIVE", stats.get("sluice").get("state").asText());
            assertEquals(17, stats.get("sluice").get("recordsAccepted").asLong());

            final JsonNode list = getJson(run.base + "/api/v1/streaming/batches");
            assertEquals(3, list.size());
            for (int i = 0; i < 3; i++)
            {
                final BatchInfo expected = batches.get(2 - i);   // newest first, as Spark lists them
                final JsonNode b = list.get(i);
                assertEquals(expected.batchTime().milliseconds(), b.get("batchId").asLong());
                assertEquals("COMPLETED", b.get("status").asText());
                assertEquals(expected.numRecords(), b.get("inputSize").asLong());
                assertEquals(SIZES[2 - i], b.get("inputSize").asLong());
                assertEquals(expected.schedulingDelay().orElseThrow().toMillis(), b.get("schedulingDelay").asLong());
                assertEquals(expected.processingDelay().orElseThrow().toMillis(), b.get("processingTime").asLong());
                assertEquals(expected.totalDelay().orElseThrow().toMillis(), b.get("totalDelay").asLong());
                assertEquals(2, b.get("numTotalOutputOps").asLong());
                assertEquals(2, b.get("numCompletedOutputOps").asLong());
                assertEquals(0, b.get("numFailedOutputOps").asLong());
            }
            final BatchInfo last = batches.get(2);
            final long id = last.batchTime().milliseconds();
            final JsonNode one = getJson(run.base + "/api/v1/streaming/batches/" + id);
            assertEquals(12, one.get("streamIdToNumRecords").get("0").asLong());
            assertEquals(2, one.get("outputOperations").size());
            final JsonNode ops = getJson(run.base + "/api/v1/streaming/batches/" + id + "/operations");
            assertEquals(2, ops.size());
            for (int i = 0; i < 2; i++)
            {
                assertEquals(last.outputOperationInfos().get(i).id(), ops.get(i).get("outputOpId").asInt());
                assertEquals(last.outputOperationInfos().get(i).name(), ops.get(i).get("name").asText());
                assertEquals(last.outputOperationInfos().get(i).durationMs().orElseThrow(),
                    ops.get(i).get("duration").asLong());
            }
            final JsonNode receivers = getJson(run.base + "/api/v1/streaming/receivers");
            assertEquals(1, receivers.size());
            assertTrue(receivers.get(0).get("isActive").asBoolean());
            assertEquals(17 / 3.0, receivers.get(0).get("avgEventRate").asDouble(), 1e-9);
            assertEquals(3, receivers.get(0).get("eventRates").size());
        }
    }

    @Test
    void metricsAndJmxCarryTheSameFigures() throws Exception
    {
        try (Run run = new Run(Map.of()))
        {
            final HttpResponse<String> response = get(run.base + "/metrics");
            assertEquals(200, response.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
            final PrometheusTextParser.Scrape scrape = PrometheusTextParser.parse(response.body());
            for (final String metric : DOCUMENTED_METRICS)
            {
                assertTrue(scrape.types().containsKey(metric), metric + " is in the scrape");
            }
            final String app = "{app=\"sluice-test\"}";
            assertEquals(3, scrape.value("sluice_streaming_completed_batches_total" + app));
            assertEquals(17, scrape.value("sluice_streaming_processed_records_total" + app));
            assertEquals(17, scrape.value("sluice_streaming_received_records_total" + app));
            assertEquals(17, scrape.value("sluice_records_accepted_total" + app));
            assertEquals(0, scrape.value("sluice_ring_full_waits_total" + app));
            // 17 records "a0", "b1", ... of SIZES: the STRING codec writes UTF-8 bytes, so their lengths summed
            long logged = 0;
            for (final int size : SIZES)
            {
                for (int i = 0; i < size; i++)
                {
                    logged += Integer.toString(i).length() + 1;
                }
            }
            assertEquals(logged, scrape.value("sluice_log_bytes_total" + app), "the log writer's payload bytes");
            assertEquals(1, scrape.value("sluice_streaming_receivers" + app));
            assertEquals(0, scrape.value("sluice_streaming_unprocessed_batches" + app));
            assertEquals(3, scrape.value("sluice_streaming_processing_time_seconds_count" + app));
            final BatchInfo last = run.completed.get(2);
            assertEquals(last.batchTime().milliseconds() / 1000.0,
                scrape.value("sluice_streaming_last_completed_batch_time_seconds" + app));
            assertEquals(last.processingDelay().orElseThrow().toNanos() / 1e9,
                scrape.value("sluice_streaming_last_completed_batch_processing_delay_seconds" + app), 1e-12);
            final double sum = run.completed.stream().mapToLong(b -> b.processingDelay().orElseThrow().toMillis())
                .sum() / 1000.0;
            assertEquals(sum, scrape.value("sluice_streaming_processing_time_seconds_sum" + app), 1e-9);
            assertEquals(0, scrape.value("sluice_streaming_processing_time_seconds_bucket{app=\"sluice-test\","
                + "le=\"0.002\"}"), "every batch took at least 3 ms");
            assertEquals(3, scrape.value("sluice_streaming_processing_time_seconds_bucket{app=\"sluice-test\","
                + "le=\"0.05\"}"), "and at most 3 + 12 ms");
            assertTrue(Double.isNaN(scrape.value("sluice_restored_snapshot_time_seconds" + app)));

            final ObjectName name = new ObjectName("io.sluice:type=Streaming,app=\"sluice-test\"");
            final var mbeans = ManagementFactory.getPlatformMBeanServer();
            assertEquals(3L, mbeans.getAttribute(name, "CompletedBatches"));
            assertEquals(17L, mbeans.getAttribute(name, "ProcessedRecords"));
            assertEquals(last.totalDelay().orElseThrow().toMillis(),
                mbeans.getAttribute(name, "LastCompletedBatchTotalDelayMs"));
            assertEquals("ACTIVE", mbeans.getAttribute(name, "State"));
            run.driver.context().stop();
            assertFalse(mbeans.isRegistered(name), "the bean goes with the context");
        }
    }

    @Test
    void keyedStateSnapshotsAndTheLogRangesOfEachBatchAreShown() throws Exception
    {
        final Map<String, String> settings = Map.of("sluice.ui.enabled", "true", "sluice.ui.port", "0",
            "sluice.checkpoint.minInterval", "0s");
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, settings))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final io.sluice.api.PairDStream<String, Long> counts = driver.context().receiverStream(receiver,
                Codecs.STRING).mapToPair(w -> io.sluice.api.Pair.of(w, 1L))
                .updateStateByKey((List<Long> values, java.util.Optional<Long> state) ->
                    java.util.Optional.of(state.orElse(0L) + values.size()));
            counts.checkpoint(BATCH);
            counts.stateId("word-counts").print();
            driver.start();
            final String base = driver.context().uiWebUrl().orElseThrow().replace("/streaming/", "");
            final List<List<String>> input = List.of(List.of("a", "b", "a"), List.of("c"), List.of("a", "d", "e"));
            long total = 0;
            for (final List<String> batch : input)
            {
                batch.forEach(receiver::store);
                total += batch.size();
                driver.awaitReceived(total);
                driver.advance(1);
            }
            final JsonNode sluice = getJson(base + "/api/v1/streaming/statistics").get("sluice");
            assertEquals("word-counts", sluice.get("keyedState").get(0).get("id").asText());
            assertEquals("updateStateByKey", sluice.get("keyedState").get(0).get("kind").asText());
            assertEquals(5, sluice.get("keyedState").get(0).get("keys").asLong(), "a, b, c, d, e");
            assertTrue(sluice.get("checkpointing").asBoolean());
            assertEquals(3000, sluice.get("lastSnapshot").get("batchTime").asLong(), "a snapshot after every batch");
            assertTrue(sluice.get("lastSnapshot").get("bytes").asLong() > 0);

            final JsonNode third = getJson(base + "/api/v1/streaming/batches/3000");
            final JsonNode segments = third.get("segments");
            assertEquals(1, segments.size());
            assertEquals(3, segments.get(0).get("records").asLong(), "the batch read exactly its three records");
            assertTrue(third.get("logDumpCommand").asText().endsWith(" log dump "
                + driver.context().checkpointDir().resolve("log") + " 3000"),
                third.get("logDumpCommand").asText());

            final PrometheusTextParser.Scrape scrape = PrometheusTextParser.parse(get(base + "/metrics").body());
            assertEquals(5, scrape.value("sluice_state_keys{app=\"sluice-test\",state_id=\"word-counts\"}"));
            assertEquals(3, scrape.value("sluice_snapshot_last_batch_time_seconds{app=\"sluice-test\"}"));
            assertTrue(scrape.value("sluice_snapshot_last_bytes{app=\"sluice-test\"}") > 0);
        }
    }

    @Test
    void badRequestsGetAReasonNeverAStackTrace() throws Exception
    {
        try (Run run = new Run(Map.of()))
        {
            final Map<String, Integer> expected = Map.of(
                "/api/v1/streaming/batches/not-a-number", 400,
                "/api/v1/streaming/batches/123", 404,
                "/api/v1/streaming/batches/123/operations", 404,
                "/api/v1/streaming/batches/" + run.completed.get(0).batchTime().milliseconds() + "/nope", 404,
                "/nope", 404,
                "/static/../../etc/passwd", 404,
                "/static/secret.class", 404);
            for (final Map.Entry<String, Integer> e : expected.entrySet())
            {
                final HttpResponse<String> response = get(run.base + e.getKey());
                assertEquals(e.getValue(), response.statusCode(), e.getKey());
                assertFalse(response.body().contains("Exception") || response.body().contains("\tat "),
                    e.getKey() + ": " + response.body());
                assertFalse(response.body().isBlank(), e.getKey() + " says why");
            }
            final HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(run.base + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertEquals(302, get(run.base + "/").statusCode());
        }
    }

    @Test
    void retainedBatchesBoundWhatTheUiKeeps() throws Exception
    {
        try (Run run = new Run(Map.of("sluice.ui.retainedBatches", "2")))
        {
            final JsonNode stats = getJson(run.base + "/api/v1/streaming/statistics");
            assertEquals(3, stats.get("numTotalCompletedBatches").asLong());
            assertEquals(2, stats.get("numRetainedCompletedBatches").asLong());
            assertEquals(2, getJson(run.base + "/api/v1/streaming/batches").size());
            assertEquals(404, get(run.base + "/api/v1/streaming/batches/"
                + run.completed.get(0).batchTime().milliseconds()).statusCode(), "the oldest batch is forgotten");
        }
    }

    @Test
    void theServerIsGoneAfterStop() throws Exception
    {
        final String base;
        try (Run run = new Run(Map.of()))
        {
            base = run.base;
            assertEquals(200, get(base + "/streaming/").statusCode());
            run.driver.context().stop();
            assertTrue(run.driver.context().uiWebUrl().isEmpty());
        }
        assertThrows(ConnectException.class, () -> get(base + "/streaming/"));
    }

    @Test
    void aNonLoopbackBindIsRefusedUnlessAllowed()
    {
        final StreamingContext context = StreamingContext.builder().batchInterval(BATCH)
            .set("sluice.ui.host", "0.0.0.0").set("sluice.jmx.enabled", "false").build();
        context.queueStream(new java.util.ArrayDeque<List<String>>(), true).print();
        final IllegalStateException e = assertThrows(IllegalStateException.class, context::start);
        assertTrue(e.getMessage().contains("sluice.ui.allowRemote=true"), e.getMessage());
        assertEquals(io.sluice.api.StreamingContextState.STOPPED, context.state());
    }

    @Test
    void aBusyPortThatWasSetIsAnErrorAndTheDefaultFallsBack() throws Exception
    {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final StreamingContext context = StreamingContext.builder().batchInterval(BATCH)
                .set("sluice.ui.port", Integer.toString(busy.getLocalPort())).set("sluice.jmx.enabled", "false")
                .build();
            context.queueStream(new java.util.ArrayDeque<List<String>>(), true).print();
            final IllegalStateException e = assertThrows(IllegalStateException.class, context::start);
            assertTrue(e.getMessage().contains(":" + busy.getLocalPort()) && e.getMessage().contains("sluice.ui.port"),
                e.getMessage());

            final io.sluice.internal.ui.StreamingProgress progress = new io.sluice.internal.ui.StreamingProgress(10,
                1000);
            try (io.sluice.internal.ui.UiServer ui = io.sluice.internal.ui.UiServer.start("x", progress, null,
                "127.0.0.1", busy.getLocalPort(), false, false))
            {
                assertTrue(ui.port() > busy.getLocalPort() && ui.port() <= busy.getLocalPort() + 16,
                    "the default port falls back to a later one: " + ui.port());
            }
        }
    }
}
