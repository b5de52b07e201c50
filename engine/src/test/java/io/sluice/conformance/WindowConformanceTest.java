package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.SluiceException;
import io.sluice.api.Time;
import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.graph.Node;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark's window cases (WindowOperationsSuite, JavaAPISuite, BasicOperationsSuite) replayed on the testkit: each
 * windowed case advances {@code numBatches} batches and compares the slide-aligned outputs batch by batch.
 */
class WindowConformanceTest
{
    private static Duration ms(final JsonNode spec, final String param)
    {
        return Duration.ofMillis(CaseData.param(spec, param));
    }

    /** Runs an integer-input case through {@code op} and checks its expected outputs. */
    private static <R> void runCase(final String name, final Function<JsonNode, Function<DStream<Integer>, DStream<R>>> op,
        final Function<JsonNode, R> expectedElement)
    {
        final JsonNode spec = ConformanceCases.byName(name);
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            final DStream<Integer> in = driver.input(CaseData.batches(spec.get("input"), CaseData::integer),
                CaseData.param(spec, "inputPartitions"));
            final CollectedOutput<R> out = driver.collect(op.apply(spec).apply(in));
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), expectedElement), out.batches());
        }
    }

    /** Runs a (String, Integer)-pair case through {@code op}. */
    private static void runPairCase(final String name,
        final Function<JsonNode, Function<PairDStream<String, Integer>, DStream<Pair<String, Integer>>>> op)
    {
        final JsonNode spec = ConformanceCases.byName(name);
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            final DStream<Pair<String, Integer>> in = driver.input(
                CaseData.batches(spec.get("input"), CaseData::stringInt), CaseData.param(spec, "inputPartitions"));
            final CollectedOutput<Pair<String, Integer>> out = driver.collect(
                op.apply(spec).apply(in.mapToPair(p -> p)));
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), CaseData::stringInt), out.batches());
        }
    }

    private static Function<JsonNode, Function<DStream<Integer>, DStream<Integer>>> window()
    {
        return spec -> in -> in.window(ms(spec, "windowMs"), ms(spec, "slideMs"));
    }

    private static Function<JsonNode, Function<PairDStream<String, Integer>, DStream<Pair<String, Integer>>>> naive()
    {
        return spec -> in -> in.reduceByKeyAndWindow(Integer::sum, ms(spec, "windowMs"), ms(spec, "slideMs"));
    }

    private static Function<JsonNode, Function<PairDStream<String, Integer>, DStream<Pair<String, Integer>>>> inverse()
    {
        return spec -> in -> in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, ms(spec, "windowMs"),
            ms(spec, "slideMs")).checkpoint(ms(spec, "checkpointMs"));
    }

    @Test
    @DisplayName("window - basic window")
    void windowBasicWindow()
    {
        runCase("window - basic window", window(), CaseData::integer);
    }

    @Test
    @DisplayName("window - larger window")
    void windowLargerWindow()
    {
        runCase("window - larger window", window(), CaseData::integer);
    }

    @Test
    @DisplayName("window - non-overlapping window")
    void windowNonOverlappingWindow()
    {
        runCase("window - non-overlapping window", window(), CaseData::integer);
    }

    /**
     * Sluice has no storage levels: "MEMORY_ONLY_SER"/"MEMORY_ONLY" both mean "persisted", "NONE" means not. The case's
     * point is which stream is persisted: window() persists its parent, not itself, and persist() on the windowed
     * stream is forwarded to the parent.
     */
    @Test
    @DisplayName("window - persistence level")
    void windowPersistenceLevel()
    {
        final JsonNode spec = ConformanceCases.byName("window - persistence level");
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            final DStream<Integer> in = driver.input(CaseData.batches(spec.get("input"), CaseData::integer));
            final List<Node<?>> nodes = ContextInternals.Access.of(driver.context()).graph().nodes();
            final Node<?> inputNode = nodes.get(nodes.size() - 1);
            assertFalse(inputNode.isPersisted());
            final DStream<Integer> windowed = in.window(ms(spec, "windowMs"));
            final Node<?> windowNode = nodes.get(nodes.size() - 1);
            assertEquals("NONE", windowNode.isPersisted() ? "MEMORY_ONLY_SER" : "NONE");
            assertEquals("MEMORY_ONLY_SER", inputNode.isPersisted() ? "MEMORY_ONLY_SER" : "NONE");
            windowed.persist();
            assertFalse(windowNode.isPersisted(), "persist() on a windowed stream goes to its parent");
            assertTrue(inputNode.isPersisted());
        }
    }

    @Test
    @DisplayName("reduceByKeyAndWindow - basic reduction")
    void reduceByKeyAndWindowBasicReduction()
    {
        runPairCase("reduceByKeyAndWindow - basic reduction", naive());
    }

    @Test
    @DisplayName("reduceByKeyAndWindow - key already in window and new value added into window")
    void reduceByKeyAndWindowKeyAlreadyInWindowAndNewValueAddedIntoWindow()
    {
        runPairCase("reduceByKeyAndWindow - key already in window and new value added into window", naive());
    }

    @Test
    @DisplayName("reduceByKeyAndWindow - new key added into window")
    void reduceByKeyAndWindowNewKeyAddedIntoWindow()
    {
        runPairCase("reduceByKeyAndWindow - new key added into window", naive());
    }

    /** Ordered in Spark by HashPartitioner(2); Sluice's first-appearance order happens to give the same list. */
    @Test
    @DisplayName("testReduceByKeyAndWindow")
    void testReduceByKeyAndWindow()
    {
        runPairCase("testReduceByKeyAndWindow", naive());
    }

    @Test
    @DisplayName("reduceByKeyAndWindow with inverse function - key already in window and new value added into window")
    void reduceByKeyAndWindowWithInverseFunctionKeyAlreadyInWindowAndNewValueAddedIntoWindow()
    {
        runPairCase("reduceByKeyAndWindow with inverse function - key already in window and new value added into window",
            inverse());
    }

    @Test
    @DisplayName("reduceByKeyAndWindow with inverse function - new key added into window")
    void reduceByKeyAndWindowWithInverseFunctionNewKeyAddedIntoWindow()
    {
        runPairCase("reduceByKeyAndWindow with inverse function - new key added into window", inverse());
    }

    @Test
    @DisplayName("reduceByKeyAndWindow with inverse function - key removed from window")
    void reduceByKeyAndWindowWithInverseFunctionKeyRemovedFromWindow()
    {
        runPairCase("reduceByKeyAndWindow with inverse function - key removed from window", inverse());
    }

    @Test
    @DisplayName("reduceByKeyAndWindow with inverse function - big test")
    void reduceByKeyAndWindowWithInverseFunctionBigTest()
    {
        runPairCase("reduceByKeyAndWindow with inverse function - big test", inverse());
    }

    @Test
    @DisplayName("reduceByKeyAndWindow with inverse and filter functions - big test")
    void reduceByKeyAndWindowWithInverseAndFilterFunctionsBigTest()
    {
        runPairCase("reduceByKeyAndWindow with inverse and filter functions - big test", spec -> in ->
            in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, ms(spec, "windowMs"), ms(spec, "slideMs"),
                (k, v) -> v != 0).persist().checkpoint(ms(spec, "checkpointMs")));
    }

    @Test
    @DisplayName("testReduceByWindowWithoutInverse")
    void testReduceByWindowWithoutInverse()
    {
        runCase("testReduceByWindowWithoutInverse", spec -> in -> in.reduceByWindow(Integer::sum, ms(spec, "windowMs"),
            ms(spec, "slideMs")), CaseData::integer);
    }

    @Test
    @DisplayName("testReduceByWindowWithInverse")
    void testReduceByWindowWithInverse()
    {
        runCase("testReduceByWindowWithInverse", spec -> in -> in.reduceByWindow(Integer::sum, (a, b) -> a - b,
            ms(spec, "windowMs"), ms(spec, "slideMs")), CaseData::integer);
    }

    @Test
    @DisplayName("countByWindow")
    void countByWindow()
    {
        runCase("countByWindow", spec -> in -> in.countByWindow(ms(spec, "windowMs"), ms(spec, "slideMs")),
            CaseData::longValue);
    }

    /** Ordered=false in the case; Spark's order came from HashPartitioner(2), compared as multisets. */
    @Test
    @DisplayName("testCountByValueAndWindow")
    void testCountByValueAndWindow()
    {
        final JsonNode spec = ConformanceCases.byName("testCountByValueAndWindow");
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                CaseData.param(spec, "inputPartitions"));
            final CollectedOutput<Pair<String, Long>> out = driver.collect(
                in.countByValueAndWindow(ms(spec, "windowMs"), ms(spec, "slideMs")));
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), CaseData::stringLong), out.batches());
        }
    }

    /** Spark compared each batch as a set of (key, set(values)); here (key, sorted values) as a multiset. */
    @Test
    @DisplayName("testGroupByKeyAndWindow")
    void testGroupByKeyAndWindow()
    {
        final JsonNode spec = ConformanceCases.byName("testGroupByKeyAndWindow");
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            final DStream<Pair<String, Integer>> in = driver.input(
                CaseData.batches(spec.get("input"), CaseData::stringInt), CaseData.param(spec, "inputPartitions"));
            final CollectedOutput<Pair<String, List<Integer>>> out = driver.collect(
                in.mapToPair(p -> p).groupByKeyAndWindow(ms(spec, "windowMs"), ms(spec, "slideMs")));
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            final Function<JsonNode, Pair<String, List<Integer>>> group = node ->
            {
                final List<Integer> values = new ArrayList<>();
                node.get(1).forEach(v -> values.add(v.asInt()));
                return Pair.of(node.get(0).asText(), sorted(values));
            };
            final List<List<Pair<String, List<Integer>>>> actual = new ArrayList<>();
            for (final List<Pair<String, List<Integer>>> batch : out.batches())
            {
                final List<Pair<String, List<Integer>>> normalized = new ArrayList<>();
                batch.forEach(p -> normalized.add(Pair.of(p.key(), sorted(p.value()))));
                actual.add(normalized);
            }
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), group), actual);
        }
    }

    private static List<Integer> sorted(final List<Integer> values)
    {
        final List<Integer> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    @Test
    @DisplayName("rdd cleanup - map and window")
    void rddCleanupMapAndWindow()
    {
        final JsonNode spec = ConformanceCases.byName("rdd cleanup - map and window");
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            driver.context().remember(Duration.ofSeconds(3));
            final DStream<Integer> in = driver.input(CaseData.batches(spec.get("input"), CaseData::integer),
                CaseData.param(spec, "inputPartitions"));
            final List<Node<?>> nodes = ContextInternals.Access.of(driver.context()).graph().nodes();
            final DStream<Pair<Integer, Integer>> mapped = in.map(x -> Pair.of(x % 10, 1));
            final Node<?> mappedNode = nodes.get(nodes.size() - 1);
            final DStream<Pair<Integer, Integer>> window1 = mapped.window(Duration.ofSeconds(2), Duration.ofSeconds(1));
            final Node<?> window1Node = nodes.get(nodes.size() - 1);
            final DStream<Pair<Integer, Integer>> window2 = window1.window(Duration.ofSeconds(4), Duration.ofSeconds(2));
            final Node<?> window2Node = nodes.get(nodes.size() - 1);
            final CollectedOutput<Pair<Integer, Integer>> out = driver.collect(window2);
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            final JsonNode assertions = spec.get("assertions");
            assertEquals(spec.get("params").get("expectedNumOutputs").asInt(), out.batches().size());
            final Map<String, Node<?>> byName = new TreeMap<>(Map.of("window2", window2Node, "window1", window1Node,
                "mapped", mappedNode));
            byName.forEach((label, node) ->
            {
                assertEquals(assertions.get("rememberDurationMs").get(label).asLong(), node.rememberMs(), label);
                final List<Long> remembered = node.rememberedTimes();
                assertions.get("generatedRDDsContain").get(label).forEach(t ->
                    assertTrue(remembered.contains(t.asLong()), label + " keeps " + t + " ms: " + remembered));
                assertions.get("generatedRDDsNotContain").get(label).forEach(t ->
                    assertFalse(remembered.contains(t.asLong()), label + " forgot " + t + " ms: " + remembered));
            });
        }
    }

    @Test
    @DisplayName("slice - has not been initialized")
    void sliceHasNotBeenInitialized()
    {
        final JsonNode spec = ConformanceCases.byName("slice - has not been initialized");
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            final DStream<Integer> in = driver.input(CaseData.batches(spec.get("input"), CaseData::integer));
            final SluiceException thrown = assertThrows(SluiceException.class, () -> in.slice(
                new Time(spec.get("params").get("fromMs").asLong()), new Time(spec.get("params").get("toMs").asLong())));
            assertTrue(thrown.getMessage().contains("has not been initialized"), thrown.getMessage());
        }
    }
}
