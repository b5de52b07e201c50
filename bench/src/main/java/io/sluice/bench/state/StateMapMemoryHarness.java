package io.sluice.bench.state;

import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.internal.state.LongLongMapWithStateOperator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Issue 4's memory check: 10 M long to long state entries in at most 400 MB off-heap with a heap under 256 MB.
 * Fills a {@link LongLongMapWithStateOperator} (mapWithState with a timeout, so every entry carries its update tick)
 * with {@code entries} distinct keys, batch by batch, then prints the state size, {@link OffHeapAllocator#liveBytes()}
 * and the heap used after a GC. Run it with {@code -Xmx256m}:
 *
 * <pre>
 * java -Xmx256m --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
 *     -cp bench/target/benchmarks.jar io.sluice.bench.state.StateMapMemoryHarness [entries]
 * </pre>
 *
 * Exits with status 1 if a budget is exceeded.
 */
public final class StateMapMemoryHarness
{
    static final long OFF_HEAP_BUDGET = 400L * 1000 * 1000;
    static final long HEAP_BUDGET = 256L * 1024 * 1024;
    static final int BATCH = 100_000;
    static final long BATCH_MS = 1000;

    private StateMapMemoryHarness()
    {
    }

    public static void main(final String[] args)
    {
        final int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        final long offHeapBefore = OffHeapAllocator.liveBytes();
        long peakOffHeap = 0;
        try (LongLongMapWithStateOperator state = new LongLongMapWithStateOperator((key, hasValue, value, s) ->
        {
            s.update(value);
            return key;
        }, 3_600_000, 0, BATCH_MS); LongVector keys = new LongVector(BATCH); LongVector values = new LongVector(BATCH);
            LongVector mapped = new LongVector(BATCH))
        {
            long next = 0;
            long batchTime = 0;
            while (next < entries)
            {
                keys.clear();
                values.clear();
                final int n = (int)Math.min(BATCH, entries - next);
                for (int i = 0; i < n; i++)
                {
                    keys.add(next * 0x9E3779B97F4A7C15L);
                    values.add(next++);
                }
                mapped.clear();
                batchTime += BATCH_MS;
                state.update(batchTime, keys.address(), values.address(), 0, n, false, mapped);
                peakOffHeap = Math.max(peakOffHeap, OffHeapAllocator.liveBytes() - offHeapBefore);
            }
            System.gc();
            final MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            final long offHeap = OffHeapAllocator.liveBytes() - offHeapBefore;
            System.out.printf("state entries      %,d%n", state.stateSize());
            System.out.printf("off-heap live      %,d bytes (%.1f MB, %.1f B/entry; peak after any batch %,d; a doubling briefly also holds the old table)%n", offHeap,
                offHeap / 1e6, offHeap / (double)state.stateSize(), peakOffHeap);
            System.out.printf("heap used after GC %,d bytes (%.1f MB), max %,d%n", heap.getUsed(), heap.getUsed() / 1e6,
                heap.getMax());
            final boolean isWithinBudget = offHeap <= OFF_HEAP_BUDGET && heap.getUsed() < HEAP_BUDGET
                && heap.getMax() <= HEAP_BUDGET;
            System.out.println(isWithinBudget ? "WITHIN BUDGET (<= 400 MB off-heap, heap < 256 MB)" : "OVER BUDGET");
            if (!isWithinBudget)
            {
                System.exit(1);
            }
        }
    }
}
