package io.sluice.api;

import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code StringLongPairDStream.reduceByKeyAndWindow} (all four forms), through the public API and the scheduler,
 * gives its generic twin's batches on the same random word streams, both run side by side in one context. Batches
 * are compared as multisets (sorted): the fast window lists keys in the long-keyed window's order of dictionary ids.
 * The vocabulary drifts, so keys leave the window and every pane (their ids are reused) and come back. Off-heap
 * memory is back to where it started once the context stops.
 */
class StringWindowApiTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final int BATCHES = 40;
    private static final Comparator<Pair<String, Long>> BY_KEY_THEN_VALUE =
        Comparator.comparing((Pair<String, Long> p) -> p.key()).thenComparing(Pair::value);

    private long liveBytesBefore;

    @BeforeEach
    void recordLiveBytes()
    {
        liveBytesBefore = OffHeapAllocator.liveBytes();
    }

    @AfterEach
    void noLeak()
    {
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes(), "off-heap bytes back to where the test started");
    }

    /**
     * Random lines of words whose vocabulary drifts by one word per batch over a range of 12: short, 8-byte,
     * long and non-ASCII words; a missing batch and an empty one.
     */
    static List<List<String>> lines(final long seed, final int batches)
    {
        final Random random = new Random(seed);
        final List<List<String>> out = new ArrayList<>();
        for (int b = 0; b < batches; b++)
        {
            final List<String> batch = new ArrayList<>();
            for (int line = random.nextInt(4); line > 0; line--)
            {
                final StringBuilder text = new StringBuilder();
                for (int w = 1 + random.nextInt(5); w > 0; w--)
                {
                    text.append(word(b + random.nextInt(12))).append(' ');
                }
                batch.add(text.toString());
            }
            out.add(batch);
        }
        out.set(3, null);
        out.set(batches - 7, List.of());
        return out;
    }

    static String word(final int n)
    {
        return switch (n % 4)
        {
            case 0 -> "w" + n;
            case 1 -> "eightby" + (n % 10);
            case 2 -> "a-rather-long-word-number-" + n;
            default -> "straße-ÿ-\uD83D\uDE00-" + n;
        };
    }

    static List<List<List<Pair<String, Long>>>> sideBySide(final List<List<String>> lines,
        final Function<PairDStream<String, Long>, DStream<Pair<String, Long>>> generic,
        final Function<StringLongPairDStream, StringLongPairDStream> fast)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final DStream<String> in = driver.input(lines);
            final CollectedOutput<Pair<String, Long>> genericOut = driver.collect(generic.apply(
                in.flatMap(line -> List.of(line.split(" "))).filter(w -> !w.isEmpty())
                    .countByValue()));
            final CollectedOutput<Pair<String, Long>> fastOut = driver.collect(fast.apply(
                TextDStream.of(in).splitWords().dropEmpty().countByValue()).boxed());
            driver.start();
            for (int b = 0; b < BATCHES; b++)
            {
                driver.advance(1);
            }
            assertEquals(genericOut.times(), fastOut.times(), "the same batch times");
            return List.of(sorted(genericOut.batches()), sorted(fastOut.batches()));
        }
    }

    private static List<List<Pair<String, Long>>> sorted(final List<List<Pair<String, Long>>> batches)
    {
        final List<List<Pair<String, Long>>> out = new ArrayList<>();
        for (final List<Pair<String, Long>> batch : batches)
        {
            final List<Pair<String, Long>> copy = new ArrayList<>(batch);
            copy.sort(BY_KEY_THEN_VALUE);
            out.add(copy);
        }
        return out;
    }

    @ParameterizedTest(name = "window {0} slide {1} (batches)")
    @CsvSource({"1,1", "3,1", "4,2", "2,3", "6,4", "5,5"})
    void allFourFormsEqualTheGenericTwin(final int windowBatches, final int slideBatches)
    {
        final Duration window = BATCH.multipliedBy(windowBatches);
        final Duration slide = BATCH.multipliedBy(slideBatches);
        final List<List<String>> lines = lines(windowBatches * 10L + slideBatches, BATCHES);

        List<List<List<Pair<String, Long>>>> runs = sideBySide(lines,
            g -> g.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide),
            f -> f.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide));
        assertEquals(runs.get(0), runs.get(1), "with inverse");
        assertTrue(runs.get(0).stream().anyMatch(b -> b.stream().anyMatch(p -> p.value() == 0)),
            "some key decayed to zero and is still emitted");

        runs = sideBySide(lines,
            g -> g.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (k, v) -> v != 0),
            f -> f.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (k, v) -> v != 0));
        assertEquals(runs.get(0), runs.get(1), "with inverse and a filter dropping zero counts");

        runs = sideBySide(lines,
            g -> g.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide,
                (k, v) -> v != 0 || k.startsWith("straße") || k.equals("eightby3")),
            f -> f.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide,
                (k, v) -> v != 0 || k.length() > 6 && k.charAt(4) == 'ß' || "eightby3".contentEquals(k)));
        assertEquals(runs.get(0), runs.get(1), "with a filter reading the key (keeping some zero counts)");
        assertTrue(runs.get(1).stream().anyMatch(b -> b.contains(Pair.of("eightby3", 0L))),
            "the filter kept a zero count by its key");

        runs = sideBySide(lines, g -> g.reduceByKeyAndWindow(Long::sum, window, slide),
            f -> f.reduceByKeyAndWindow(Long::sum, window, slide));
        assertEquals(runs.get(0), runs.get(1), "without inverse");
        assertTrue(runs.get(0).stream().anyMatch(b -> !b.isEmpty()), "some window has keys");
    }

    @Test
    void windowOnlyFormSlidesWithTheStream()
    {
        final Duration window = BATCH.multipliedBy(3);
        final List<List<List<Pair<String, Long>>>> runs = sideBySide(lines(7, BATCHES),
            g -> g.reduceByKeyAndWindow(Math::max, window), f -> f.reduceByKeyAndWindow(Math::max, window));
        assertEquals(runs.get(0), runs.get(1));
        assertEquals(BATCHES, runs.get(1).size(), "one window per batch");
    }

    @Test
    void incrementalWindowNeedsACheckpointDirectory()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, (Path)null))
        {
            final StringLongPairDStream words = TextDStream.of(driver.<String>input(List.of())).splitWords()
                .countByValue();
            driver.collect(words.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, BATCH.multipliedBy(2), BATCH)
                .boxed());
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, driver::start);
            assertTrue(error.getMessage().contains("The checkpoint directory has not been set"), error.getMessage());
        }
    }

    @Test
    void windowNotAMultipleOfTheParentSlideIsRejectedAsTheGenericTwin()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final DStream<String> in = driver.input(List.of());
            final IllegalArgumentException generic = assertThrows(IllegalArgumentException.class,
                () -> in.mapToPair(w -> Pair.of(w, 1L)).reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                    Duration.ofMillis(1500), BATCH));
            final IllegalArgumentException fast = assertThrows(IllegalArgumentException.class,
                () -> TextDStream.of(in).countByValue().reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                    Duration.ofMillis(1500), BATCH));
            assertEquals(generic.getMessage(), fast.getMessage());
        }
    }
}
