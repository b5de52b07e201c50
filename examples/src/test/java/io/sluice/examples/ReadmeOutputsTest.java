package io.sluice.examples;

import io.sluice.examples.feed.TextFeeder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stateful and windowed examples' documented outputs keep the order Sluice really prints (keys in order of first
 * appearance: the ordering contract), checked against the built-in feeder's text: in every printed block the words
 * come in the order they first appear in {@link TextFeeder#LINES}. (Counts and batch times depend on the wall clock;
 * the snippets were pasted from real runs.)
 */
class ReadmeOutputsTest
{
    private static final Pattern WORD = Pattern.compile("^(?:\\(([a-z]+),\\d+\\)|([a-z]+)=\\d+|([a-z]+) expired after \\d+)$");

    private static String snippet(final String readme, final String command)
    {
        final int start = readme.indexOf("$ java -jar examples/target/sluice-examples.jar " + command);
        assertTrue(start >= 0, "the README shows " + command);
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** Each printed block's words, in order. */
    private static List<List<String>> blocks(final String snippet)
    {
        final List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (final String line : snippet.split("\n"))
        {
            if (line.startsWith("Time: "))
            {
                current = new ArrayList<>();
                blocks.add(current);
                continue;
            }
            final Matcher m = WORD.matcher(line);
            if (current != null && m.matches())
            {
                current.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
        return blocks;
    }

    @Test
    void theDocumentedOutputsListWordsInOrderOfFirstAppearance() throws IOException
    {
        final String readme = Files.readString(Path.of("README.md"));
        final List<String> firstAppearance = new ArrayList<>(new LinkedHashSet<>(
            Arrays.asList(String.join(" ", TextFeeder.LINES).split(" "))));
        for (final String command : List.of("stateful.StatefulWordCount --batches 11",
            "windowed.WindowedWordCount --batches 4"))
        {
            final List<List<String>> blocks = blocks(snippet(readme, command));
            assertTrue(blocks.size() >= 3, command + ": printed blocks in the README");
            for (final List<String> block : blocks)
            {
                assertTrue(!block.isEmpty(), command + ": an empty block");
                final List<String> sorted = new ArrayList<>(block);
                sorted.sort((a, b) -> Integer.compare(firstAppearance.indexOf(a), firstAppearance.indexOf(b)));
                assertEquals(sorted, block, command + ": words in order of first appearance in the feeder's text");
            }
        }
    }
}
