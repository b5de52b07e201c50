package io.sluice.usage;

import io.sluice.api.DStream;
import io.sluice.api.LongDStream;
import io.sluice.api.LongDoublePairDStream;
import io.sluice.api.LongLongPairDStream;
import io.sluice.api.StreamingContext;
import io.sluice.api.StringLongPairDStream;
import io.sluice.api.TextDStream;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast-path streams' shared methods, used from outside {@code io.sluice.api} as a user would: they compile and
 * run here, and each public class declares them itself (so reflection and compiled clients see the same public
 * signatures as before the methods moved to a shared base).
 */
class FastStreamSharedApiTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);

    @Test
    void sharedMethodsWorkOnEveryFastStreamFromAnotherPackage()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final StreamingContext context = driver.context();
            final DStream<String> words = driver.input(List.of(List.of("a", "b", "a"), List.of(), List.of("c")));
            final LongDStream longs = words.mapToLong(String::length).persist().cache();
            final LongLongPairDStream longPairs = longs.mapToLongPair(x -> x, x -> 1L).persist().cache();
            final LongDoublePairDStream doublePairs = words.mapToLongDoublePair(String::length, w -> 0.5).persist()
                .cache();
            final TextDStream text = TextDStream.of(words).persist().cache();
            final StringLongPairDStream textPairs = text.countByValue().persist().cache();

            final List<Integer> sizes = new ArrayList<>();
            final List<CollectedOutput<Long>> counts = List.of(
                driver.collect(check(longs.context(), longs.slideDuration(), context, longs.count())),
                driver.collect(check(longPairs.context(), longPairs.slideDuration(), context, longPairs.count())),
                driver.collect(check(doublePairs.context(), doublePairs.slideDuration(), context, doublePairs.count())),
                driver.collect(check(text.context(), text.slideDuration(), context, text.count())),
                driver.collect(check(textPairs.context(), textPairs.slideDuration(), context, textPairs.count())));
            longs.foreachBatch((batch, time) -> sizes.add(batch.size()));
            longPairs.foreachBatch((batch, time) -> sizes.add(batch.size()));
            doublePairs.foreachBatch((batch, time) -> sizes.add(batch.size()));
            text.foreachBatch((batch, time) -> sizes.add(batch.size()));
            textPairs.foreachBatch((batch, time) -> sizes.add(batch.size()));
            longs.print();
            textPairs.print(2);
            assertThrows(IllegalArgumentException.class, () -> longPairs.print(0));

            driver.start();
            driver.advance(3);

            final List<List<Long>> expected = List.of(List.of(3L), List.of(0L), List.of(1L));
            for (int i = 0; i < 4; i++)
            {
                assertEquals(expected, counts.get(i).batches(), "count of stream " + i);
            }
            assertEquals(List.of(List.of(2L), List.of(0L), List.of(1L)), counts.get(4).batches(), "distinct words");
            assertEquals(List.of(3, 3, 3, 3, 2, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1), sizes);
        }
    }

    private static DStream<Long> check(final StreamingContext actual, final Duration slide,
        final StreamingContext expected, final LongDStream count)
    {
        assertSame(expected, actual);
        assertEquals(BATCH, slide);
        return count.boxed();
    }

    @Test
    void everyFastStreamDeclaresItsSharedMethodsWithTheirPublicTypes() throws NoSuchMethodException
    {
        for (final Class<?> type : List.of(LongDStream.class, LongLongPairDStream.class, LongDoublePairDStream.class,
            TextDStream.class, StringLongPairDStream.class))
        {
            assertDeclared(type, "context", StreamingContext.class);
            assertDeclared(type, "slideDuration", Duration.class);
            assertDeclared(type, "count", LongDStream.class);
            assertDeclared(type, "persist", type);
            assertDeclared(type, "cache", type);
            assertDeclared(type, "print", void.class);
            final Method printNum = type.getMethod("print", int.class);
            assertSame(type, printNum.getDeclaringClass(), type + ".print(int)");
            assertTrue(Modifier.isPublic(printNum.getModifiers()));
        }
    }

    private static void assertDeclared(final Class<?> type, final String name, final Class<?> returnType)
        throws NoSuchMethodException
    {
        final Method method = type.getMethod(name);
        assertSame(type, method.getDeclaringClass(), type + "." + name + "()");
        assertSame(returnType, method.getReturnType(), type + "." + name + "()");
        assertTrue(Modifier.isPublic(method.getModifiers()));
    }
}
