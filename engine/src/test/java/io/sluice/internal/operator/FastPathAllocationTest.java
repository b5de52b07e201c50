package io.sluice.internal.operator;

import com.sun.management.ThreadMXBean;
import io.sluice.internal.aggregate.BytesLongHashAggregator;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.gen.LongLongHashAggregator;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STYLE 7: the steady state of the fast-path operators allocates less than one heap byte per record (an allocation
 * count from {@link ThreadMXBean#getCurrentThreadAllocatedBytes()}, not a timing), measured on this thread over
 * {@value #MEASURED_BATCHES} batches of {@value #ROWS} records after a warm-up; every output batch is closed and the
 * off-heap memory must be back to its start value.
 */
class FastPathAllocationTest
{
    private static final int ROWS = 65_536;
    private static final int WARMUP_BATCHES = 200;
    private static final int MEASURED_BATCHES = 200;
    private static final LongBinaryOperator SUM = Long::sum;

    private long liveBytesAtStart;

    @BeforeEach
    void recordOffHeap()
    {
        liveBytesAtStart = OffHeapAllocator.liveBytes();
    }

    @AfterEach
    void offHeapIsBackToStart()
    {
        assertEquals(liveBytesAtStart, OffHeapAllocator.liveBytes(), "off-heap bytes leaked");
    }

    private static double bytesPerRecord(final Supplier<ColumnBatch> operator, final long recordsPerBatch)
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARMUP_BATCHES; i++)
        {
            operator.get().close();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_BATCHES; i++)
        {
            operator.get().close();
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return (double)allocated / ((double)recordsPerBatch * MEASURED_BATCHES);
    }

    private static ColumnBatch longPairs(final int distinctKeys)
    {
        final SplittableRandom random = new SplittableRandom(1);
        final LongVector keys = new LongVector(ROWS);
        final LongVector values = new LongVector(ROWS);
        for (int i = 0; i < ROWS; i++)
        {
            keys.add(random.nextLong(distinctKeys) * 0x9E37_79B9L);
            values.add(random.nextLong(1000));
        }
        return ColumnBatch.of(keys, values);
    }

    @Test
    void longKeyReduceByKey()
    {
        try (ColumnBatch in = longPairs(10_000))
        {
            final LongLongHashAggregator aggregator = new LongLongHashAggregator(1024);
            final double perRecord = bytesPerRecord(() -> LongLongReduceByKeyOperator.apply(in, SUM, aggregator), ROWS);
            assertTrue(perRecord < 1.0, "reduceByKey allocated " + perRecord + " bytes per record");
        }
    }

    @Test
    void filterMapCountByValue()
    {
        try (ColumnBatch in = longPairs(1000))
        {
            final LongLongHashAggregator aggregator = new LongLongHashAggregator(1024);
            final double perRecord = bytesPerRecord(() ->
            {
                try (ColumnBatch filtered = LongFilterOperator.apply(in, x -> (x & 1) == 0);
                    ColumnBatch mapped = LongMapOperator.apply(filtered, x -> x >>> 3))
                {
                    LongReduceOperator.apply(mapped, SUM).close();
                    return LongCountByValueOperator.apply(mapped, aggregator);
                }
            }, ROWS);
            assertTrue(perRecord < 1.0, "filter/map/reduce/countByValue allocated " + perRecord + " bytes per record");
        }
    }

    @Test
    void wordCountFusedAndUnfused()
    {
        final SplittableRandom random = new SplittableRandom(3);
        final BytesColumn lines = BytesColumn.allocate(ROWS / 8, ROWS * 8);
        long words = 0;
        for (int i = 0; i < ROWS / 8; i++)
        {
            final StringBuilder line = new StringBuilder();
            for (int w = 0; w < 8; w++)
            {
                line.append(w == 0 ? "" : " ").append("word").append(random.nextInt(5000));
                words++;
            }
            final byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            lines.appendFromArray(bytes, 0, bytes.length);
        }
        try (ColumnBatch in = ColumnBatch.of(lines))
        {
            final BytesLongHashAggregator aggregator = new BytesLongHashAggregator(1024);
            final TextCountByValueOperator.CountingSink sink = new TextCountByValueOperator.CountingSink();
            final double fused = bytesPerRecord(() -> TextCountByValueOperator.countWords(in, aggregator, sink), words);
            assertTrue(fused < 1.0, "fused word count allocated " + fused + " bytes per word");
            final double unfused = bytesPerRecord(() ->
            {
                try (ColumnBatch split = TextSplitWordsOperator.apply(in))
                {
                    return TextCountByValueOperator.count(split, aggregator);
                }
            }, words);
            assertTrue(unfused < 1.0, "split + count allocated " + unfused + " bytes per word");
        }
    }

    @Test
    void fusedLongChainToReduceByKey()
    {
        try (ColumnBatch in = longPairs(1000))
        {
            final LongLongHashAggregator aggregator = new LongLongHashAggregator(1024);
            final LongChain chain = LongChain.map(x -> x * 3 + 1).then(LongChain.filter(x -> (x & 1) == 0))
                .then(LongChain.map(x -> x >>> 1));
            final double toColumn = bytesPerRecord(() -> LongChainStage.applyFused(in, chain), ROWS);
            assertTrue(toColumn < 1.0, "fused map/filter/map allocated " + toColumn + " bytes per record");
            final LongChain filters = LongChain.filter(x -> (x & 1) == 0).then(LongChain.filter(x -> x % 3 != 0));
            final double toSelection = bytesPerRecord(() -> LongChainStage.applyFused(in, filters), ROWS);
            assertTrue(toSelection < 1.0, "fused filter/filter allocated " + toSelection + " bytes per record");
            final double toReduce = bytesPerRecord(() ->
            {
                try (ColumnBatch pairs = LongMapToPairOperator.applyFused(in, chain, x -> x & 1023, x -> x))
                {
                    return LongLongReduceByKeyOperator.apply(pairs, SUM, aggregator);
                }
            }, ROWS);
            assertTrue(toReduce < 1.0, "fused chain to reduceByKey allocated " + toReduce + " bytes per record");
        }
    }
}
