package io.sluice.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.conformance.ConformanceCases;
import io.sluice.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle cases of shared/conformance/spark-cases-public.json, one test per case, named after it. */
public class LifecycleConformanceTest
{
    private final List<StreamingContext> contexts = new ArrayList<>();

    @AfterEach
    void stopAll()
    {
        contexts.forEach(StreamingContext::stop);
    }

    private StreamingContext context(final JsonNode spec)
    {
        final long batchMs = spec.get("params").path("batchMs").asLong(1000);
        final StreamingContext ssc = StreamingContext.builder().batchInterval(Duration.ofMillis(batchMs))
            .clock(new ManualClock()).build();
        contexts.add(ssc);
        return ssc;
    }

    private static DStream<String> input(final StreamingContext ssc)
    {
        return ssc.queueStream(new ArrayDeque<Collection<String>>(), true);
    }

    @Test
    @DisplayName("testContextState")
    void testContextState()
    {
        final JsonNode spec = ConformanceCases.byName("testContextState");
        final StreamingContext ssc = context(spec);
        final JsonNode steps = spec.get("steps");
        assertEquals(steps.get(0).get("state").asText(), ssc.state().name());
        input(ssc).print();
        assertEquals(steps.get(1).get("state").asText(), ssc.state().name());
        ssc.start();
        assertEquals(steps.get(2).get("state").asText(), ssc.state().name());
        ssc.stop();
        assertEquals(steps.get(3).get("state").asText(), ssc.state().name());
    }

    @Test
    @DisplayName("multiple streaming contexts")
    void multipleStreamingContexts()
    {
        final JsonNode spec = ConformanceCases.byName("multiple streaming contexts");
        final StreamingContext first = context(spec);
        input(first).print();
        first.start();
        assertEquals(spec.get("steps").get(0).get("state").asText(), first.state().name());
        final StreamingContext second = context(spec);
        input(second).print();
        final IllegalStateException error = assertThrows(IllegalStateException.class, second::start);
        assertEquals(spec.get("steps").get(2).get("expectError").asText(), error.getClass().getSimpleName());
        assertTrue(error.getMessage().contains("StreamingContext"), error.getMessage());
    }

    @Test
    @DisplayName("start and stop state check")
    void startAndStopStateCheck()
    {
        final JsonNode spec = ConformanceCases.byName("start and stop state check");
        final StreamingContext ssc = context(spec);
        input(ssc).print();
        assertEquals("INITIALIZED", ssc.state().name());
        ssc.start();
        assertEquals("ACTIVE", ssc.state().name());
        ssc.stop();
        assertEquals("STOPPED", ssc.state().name());
        // Spark's last step uses the stopped SparkContext; Sluice has none. The stopped context refuses use instead.
        assertThrows(IllegalStateException.class, () -> input(ssc));
        assertThrows(IllegalStateException.class, ssc::start);
    }

    @Test
    @DisplayName("start after stop")
    void startAfterStop()
    {
        final JsonNode spec = ConformanceCases.byName("start after stop");
        final StreamingContext ssc = context(spec);
        input(ssc).print();
        ssc.stop();
        assertEquals(spec.get("steps").get(0).get("state").asText(), ssc.state().name());
        final IllegalStateException error = assertThrows(IllegalStateException.class, ssc::start);
        assertEquals(spec.get("steps").get(1).get("expectError").asText(), error.getClass().getSimpleName());
        assertEquals(spec.get("steps").get(1).get("state").asText(), ssc.state().name());
    }

    /**
     * Spark serializes the graph (closures included) with Java serialization at start when checkpointing is on, so a
     * non-serializable closure fails start(). Sluice never uses Java serialization: its checkpoints are versioned
     * binary of graph metadata and state, not closures. The deliberate difference (README, "Differences from Spark"):
     * the same program starts and runs.
     */
    @Test
    @DisplayName("start with non-serializable DStream checkpoints")
    void startWithNonSerializableDStreamCheckpoints(@TempDir final Path checkpointDir)
    {
        ConformanceCases.byName("start with non-serializable DStream checkpoints");
        final StreamingContext ssc = context(ConformanceCases.byName("start with non-serializable DStream checkpoints"));
        ssc.checkpoint(checkpointDir);
        final OutputStream notSerializable = OutputStream.nullOutputStream();
        input(ssc).foreachBatch((batch, time) -> notSerializable.hashCode());
        ssc.start();
        assertEquals(StreamingContextState.ACTIVE, ssc.state());
    }
}
