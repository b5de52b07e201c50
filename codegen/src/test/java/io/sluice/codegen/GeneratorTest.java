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

        assertEquals(3 + TypeTable.AGGREGATOR_TYPES.size(), written.size());
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
    void refusesATemplateThatLeavesAPlaceholder()
    {
        assertThrows(IllegalStateException.class, () -> Generator.expand("class $VName$Map", Map.of("$K$", "long")));
    }
}
