package io.sluice.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest
{
    @Test
    void expandsEveryFamilyForEveryTypeWithNoPlaceholderLeft(@TempDir final Path out) throws Exception
    {
        final List<Path> written = Generator.generate(out);

        assertEquals(3 + TypeTable.AGGREGATOR_TYPES.size() + 2 * TypeTable.STATE_TYPES.size(), written.size());
        final String longVector = Files.readString(out.resolve("io/sluice/internal/gen/LongVector.java"));
        assertTrue(longVector.contains("public final class LongVector"));
        assertTrue(longVector.contains("UnsafeApi.putLong(address + ((long)size << 3), value)"));
        final String intVector = Files.readString(out.resolve("io/sluice/internal/gen/IntVector.java"));
        assertTrue(intVector.contains("public void add(final int value)"));
        assertTrue(intVector.contains("<< 2"));
        final String longDouble = Files.readString(out.resolve("io/sluice/internal/gen/LongDoubleHashAggregator.java"));
        assertTrue(longDouble.contains("public final class LongDoubleHashAggregator"));
        assertTrue(longDouble.contains("f.applyAsDouble(values[id - 1], value)"));
        final String doubleLong = Files.readString(out.resolve("io/sluice/internal/gen/DoubleLongHashAggregator.java"));
        assertTrue(doubleLong.contains("Double.doubleToLongBits(key)"));
    }

    @Test
    void expandsPairFamiliesForEveryKeyAndValueType(@TempDir final Path out) throws Exception
    {
        Generator.generate(out);

        final Path gen = out.resolve("io/sluice/internal/gen");
        for (final String pair : List.of("LongLong", "LongDouble", "IntLong", "IntDouble"))
        {
            assertTrue(Files.exists(gen.resolve(pair + "StateMap.java")), pair);
            assertTrue(Files.exists(gen.resolve(pair + "PaneRing.java")), pair);
        }
        final String longDouble = Files.readString(gen.resolve("LongDoubleStateMap.java"));
        assertTrue(longDouble.contains("public final class LongDoubleStateMap"));
        assertTrue(longDouble.contains("public void merge(final long key, final double value, final DoubleBinaryOperator f)"));
        final String intLongRing = Files.readString(gen.resolve("IntLongPaneRing.java"));
        assertTrue(intLongRing.contains("private final IntVector[] keys;"));
        assertTrue(intLongRing.contains("private final IntLongStateMap open"));
    }

    @Test
    void refusesATemplateThatLeavesAPlaceholder()
    {
        assertThrows(IllegalStateException.class, () -> Generator.expand("class $VName$Map", Map.of("$K$", "long")));
    }
}
