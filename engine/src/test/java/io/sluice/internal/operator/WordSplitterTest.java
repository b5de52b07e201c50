package io.sluice.internal.operator;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.memory.OffHeapAllocator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SWAR word splitter against {@code String.split(" ")} on random lines dense in spaces, of every length across
 * the 8-byte chunk boundaries, with multi-byte UTF-8 characters.
 */
class WordSplitterTest
{
    @Test
    void wordsAreExactlyStringSplit()
    {
        final long liveAtStart = OffHeapAllocator.liveBytes();
        final SplittableRandom random = new SplittableRandom(11);
        final char[] alphabet = {' ', ' ', 'a', 'b', 'é', '日'};
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++)
        {
            final char[] line = new char[random.nextInt(40)];
            for (int c = 0; c < line.length; c++)
            {
                line[c] = alphabet[random.nextInt(alphabet.length)];
            }
            lines.add(new String(line));
        }
        try (BytesColumn column = BytesColumn.allocate(16, 16))
        {
            for (final String line : lines)
            {
                column.appendString(line);
            }
            final List<String> expected = new ArrayList<>();
            for (final String line : lines)
            {
                expected.addAll(Arrays.asList(line.split(" ")));
            }
            try (BytesColumn view = BytesColumn.viewOf(column, 16))
            {
                final long count = WordSplitter.split(column.dataAddress(), column.slots().address(), 0, column.size(),
                    view::addSlice);
                final List<String> actual = new ArrayList<>();
                for (int i = 0; i < view.size(); i++)
                {
                    actual.add(view.string(i));
                }
                assertEquals(expected.size(), count);
                assertEquals(expected, actual);
            }
        }
        assertEquals(liveAtStart, OffHeapAllocator.liveBytes());
    }
}
