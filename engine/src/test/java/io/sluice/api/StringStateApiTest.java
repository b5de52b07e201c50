package io.sluice.api;

import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code StringLongPairDStream.updateStateByKey} gives its generic twin's batches on random drifting word streams
 * (side by side in one context, compared as multisets): every key called every batch, states updated, removed, kept
 * untouched, and new keys left without state, decided partly by the key's text. Off-heap memory back to the start.
 */
class StringStateApiTest
{
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

    @Test
    void updateStateByKeyEqualsTheGenericTwin()
    {
        final List<List<String>> lines = StringWindowApiTest.lines(11, 40);
        lines.set(0, null);
        final List<List<List<Pair<String, Long>>>> runs = StringWindowApiTest.sideBySide(lines,
            g -> g.updateStateByKey((Time t, String key, List<Long> values, Optional<Long> state) ->
            {
                long s = state.orElse(0L);
                for (final long v : values)
                {
                    s += v;
                }
                s -= values.isEmpty() ? 1 : 0;
                if (key.startsWith("straße") && state.isEmpty() && s < 2)
                {
                    return state;
                }
                if (key.equals("eightby3") && values.isEmpty())
                {
                    return state;
                }
                return s <= 0 || s > 15 ? Optional.empty() : Optional.of(s);
            }, Map.of()),
            f -> f.updateStateByKey((key, values, state) ->
            {
                long s = (state.exists() ? state.get() : 0) + values.sum() - (values.size() == 0 ? 1 : 0);
                if (key.length() > 6 && key.charAt(4) == 'ß' && !state.exists() && s < 2
                    || "eightby3".contentEquals(key) && values.size() == 0)
                {
                    return;
                }
                if (s <= 0 || s > 15)
                {
                    if (state.exists())
                    {
                        state.remove();
                    }
                }
                else
                {
                    state.update(s);
                }
            }));
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(runs.get(1).stream().anyMatch(b -> b.size() > 5), "some state built up");
        assertTrue(runs.get(1).stream().mapToInt(List::size).max().orElse(0) < 60,
            "keys removed as the vocabulary drifts");
    }

    @Test
    void updateStateByKeyNeedsACheckpointDirectory()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(java.time.Duration.ofSeconds(1), (Path)null))
        {
            final StringLongPairDStream words = TextDStream.of(driver.<String>input(List.of())).splitWords()
                .countByValue();
            driver.collect(words.updateStateByKey((k, v, s) -> s.update(v.sum())).boxed());
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, driver::start);
            assertTrue(error.getMessage().contains("The checkpoint directory has not been set"), error.getMessage());
        }
    }
}
