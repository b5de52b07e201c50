package io.sluice.api;

import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code StringLongPairDStream.mapWithState} gives its generic twin's mapped values and state snapshots (element for
 * element, in order) on random drifting word streams: per-record updates, removals decided by the key's text, initial states,
 * and timeouts of the words the drift leaves idle. Off-heap memory back to the start.
 */
@ExtendWith(OffHeapLeakCheck.class)
class StringMapWithStateApiTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final int BATCHES = 40;

    @Test
    void mappedValuesAndSnapshotsEqualTheGenericTwin()
    {
        final List<List<String>> lines = StringWindowApiTest.lines(23, BATCHES);
        final Duration timeout = Duration.ofSeconds(3);
        final Map<String, Long> initial = Map.of("w5", 100L, "never-seen", 7L);
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final DStream<String> in = driver.input(lines);
            final MapWithStateDStream<String, Long, Long, Long> generic = in
                .flatMap(line -> List.of(line.split(" "))).filter(w -> !w.isEmpty()).countByValue()
                .mapWithState(StateSpec.function((String key, Optional<Long> value, State<Long> state) ->
                {
                    if (state.isTimingOut())
                    {
                        return -100L - key.length();
                    }
                    if (key.startsWith("straße") && value.orElseThrow() % 2 == 1)
                    {
                        if (state.exists())
                        {
                            state.remove();
                        }
                        return -1L;
                    }
                    state.update(state.getOption().orElse(0L) + value.orElseThrow());
                    return state.get();
                }).timeout(timeout).initialState(initial));
            final StringMapWithStateDStream fast = TextDStream.of(in).splitWords().dropEmpty().countByValue()
                .mapWithState(StringStateSpec.function((key, hasValue, value, state) ->
                {
                    if (state.isTimingOut())
                    {
                        return -100L - key.length();
                    }
                    if (key.length() > 6 && key.charAt(4) == 'ß' && value % 2 == 1)
                    {
                        if (state.exists())
                        {
                            state.remove();
                        }
                        return -1L;
                    }
                    state.update((state.exists() ? state.get() : 0) + value);
                    return state.get();
                }).timeout(timeout).initialState(initial));
            final CollectedOutput<Long> genericMapped = driver.collect(generic);
            final CollectedOutput<Pair<String, Long>> genericSnapshots = driver.collect(generic.stateSnapshots());
            final CollectedOutput<Long> fastMapped = driver.collect(fast.mapped().boxed());
            final CollectedOutput<Pair<String, Long>> fastSnapshots = driver.collect(fast.stateSnapshots().boxed());
            driver.start();
            for (int b = 0; b < BATCHES; b++)
            {
                driver.advance(1);
            }
            assertEquals(genericMapped.batches(), fastMapped.batches(), "mapped");
            assertEquals(genericSnapshots.batches(), fastSnapshots.batches(), "snapshots");
            assertTrue(fastMapped.batches().stream().flatMap(List::stream).anyMatch(v -> v <= -100),
                "some key timed out");
            assertTrue(fastMapped.batches().stream().flatMap(List::stream).anyMatch(v -> v == -1),
                "some key was removed by its text");
            assertTrue(fastSnapshots.batches().get(0).contains(Pair.of("never-seen", 7L)), "initial state stored");
        }
    }

    @Test
    void mapWithStateNeedsACheckpointDirectory()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, (Path)null))
        {
            final StringLongPairDStream words = TextDStream.of(driver.<String>input(List.of())).splitWords()
                .countByValue();
            driver.collect(words.mapWithState((k, hasValue, v, s) -> v).mapped().boxed());
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, driver::start);
            assertTrue(error.getMessage().contains("The checkpoint directory has not been set"), error.getMessage());
        }
    }
}
