package io.sluice.internal.window;

import io.sluice.api.Pair;
import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.internal.state.PairColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fast windows' state round-trips (with an inverse, and combining panes without one): snapshot after slide k, restore into a fresh operator, and every later
 * slide equals the original's, at every k (with and without a filter, slides shorter and longer than the window).
 */
@ExtendWith(OffHeapLeakCheck.class)
class WindowSnapshotTest
{
    private static final long BATCH_MS = 1000;
    private static final int BATCHES = 24;

    private static LongLongReducedWindowOperator operator(final boolean hasFilter, final long windowMs,
        final long slideMs)
    {
        return new LongLongReducedWindowOperator(Long::sum, (a, b) -> a - b, hasFilter ? (k, v) -> v != 0 : null,
            windowMs, slideMs, BATCH_MS);
    }

    /** Feeds batches {@code from..to} (1-based) and returns every slide's output. */
    private static List<List<Pair<Long, Long>>> run(final LongLongReducedWindowOperator op,
        final List<List<Pair<Long, Long>>> input, final int from, final int to, final long slideMs)
    {
        final List<List<Pair<Long, Long>>> slides = new ArrayList<>();
        try (PairColumns in = new PairColumns(); PairColumns out = new PairColumns())
        {
            for (int b = from; b <= to; b++)
            {
                in.fill(input.get(b - 1));
                op.add(b * BATCH_MS, in.keys.address(), in.values.address(), 0, in.size());
                if (b * BATCH_MS % slideMs == 0)
                {
                    out.fill(null);
                    op.slide(b * BATCH_MS, out.keys, out.values);
                    slides.add(out.pairs());
                }
            }
        }
        return slides;
    }

    private static byte[] snapshot(final LongLongReducedWindowOperator op) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            op.writeState(out);
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest(name = "window {0} slide {1} (batches), filter {2}")
    @CsvSource({"3,1,false", "3,1,true", "4,2,false", "2,3,false", "6,4,true", "5,5,false"})
    void restoredAfterAnySlideContinuesExactly(final int windowBatches, final int slideBatches,
        final boolean hasFilter) throws IOException
    {
        final List<List<Pair<Long, Long>>> input = PairColumns.randomBatches(windowBatches * 31L + slideBatches,
            BATCHES, 8, 6);
        final long windowMs = windowBatches * BATCH_MS;
        final long slideMs = slideBatches * BATCH_MS;
        final List<List<Pair<Long, Long>>> expected;
        try (LongLongReducedWindowOperator whole = operator(hasFilter, windowMs, slideMs))
        {
            expected = run(whole, input, 1, BATCHES, slideMs);
        }
        for (int cut = slideBatches; cut < BATCHES; cut += slideBatches)
        {
            try (LongLongReducedWindowOperator before = operator(hasFilter, windowMs, slideMs);
                LongLongReducedWindowOperator after = operator(hasFilter, windowMs, slideMs))
            {
                final List<List<Pair<Long, Long>>> seen = new ArrayList<>(run(before, input, 1, cut, slideMs));
                after.readState(new DataInputStream(new ByteArrayInputStream(snapshot(before))));
                seen.addAll(run(after, input, cut + 1, BATCHES, slideMs));
                assertEquals(expected, seen, "restored after batch " + cut);
            }
        }
    }

    /** Feeds batches {@code from..to} to the combining (no inverse) operator and returns every slide's output. */
    private static List<List<Pair<Long, Long>>> runCombining(final LongLongWindowedReduceOperator op,
        final List<List<Pair<Long, Long>>> input, final int from, final int to, final long slideMs)
    {
        final List<List<Pair<Long, Long>>> slides = new ArrayList<>();
        try (PairColumns in = new PairColumns(); PairColumns out = new PairColumns())
        {
            for (int b = from; b <= to; b++)
            {
                in.fill(input.get(b - 1));
                op.add(b * BATCH_MS, in.keys.address(), in.values.address(), 0, in.size());
                if (b * BATCH_MS % slideMs == 0)
                {
                    out.fill(null);
                    op.slide(b * BATCH_MS, out.keys, out.values);
                    slides.add(out.pairs());
                }
            }
        }
        return slides;
    }

    @ParameterizedTest(name = "combining: window {0} slide {1} (batches)")
    @CsvSource({"3,1", "4,2", "2,3", "6,4", "5,5", "10,1"})
    void aCombiningWindowRestoredAfterAnySlideContinuesExactly(final int windowBatches, final int slideBatches)
        throws IOException
    {
        final List<List<Pair<Long, Long>>> input = PairColumns.randomBatches(windowBatches * 29L + slideBatches,
            BATCHES, 8, 6);
        final long windowMs = windowBatches * BATCH_MS;
        final long slideMs = slideBatches * BATCH_MS;
        final List<List<Pair<Long, Long>>> expected;
        try (LongLongWindowedReduceOperator whole = new LongLongWindowedReduceOperator(Long::sum, windowMs, slideMs,
            BATCH_MS))
        {
            expected = runCombining(whole, input, 1, BATCHES, slideMs);
        }
        for (int cut = slideBatches; cut < BATCHES; cut += slideBatches)
        {
            try (LongLongWindowedReduceOperator before = new LongLongWindowedReduceOperator(Long::sum, windowMs,
                slideMs, BATCH_MS);
                LongLongWindowedReduceOperator after = new LongLongWindowedReduceOperator(Long::sum, windowMs,
                    slideMs, BATCH_MS))
            {
                final List<List<Pair<Long, Long>>> seen = new ArrayList<>(runCombining(before, input, 1, cut,
                    slideMs));
                final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes))
                {
                    before.writeState(out);
                }
                after.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                seen.addAll(runCombining(after, input, cut + 1, BATCHES, slideMs));
                assertEquals(expected, seen, "restored after batch " + cut);
            }
        }
    }

    @Test
    void aNonEmptyOperatorOrAnUnknownVersionIsRefused() throws IOException
    {
        try (LongLongReducedWindowOperator op = operator(false, 3000, 1000);
            LongLongReducedWindowOperator other = operator(false, 3000, 1000))
        {
            run(op, PairColumns.randomBatches(5, 4, 8, 6), 1, 4, 1000);
            final byte[] state = snapshot(op);
            assertThrows(IllegalStateException.class,
                () -> op.readState(new DataInputStream(new ByteArrayInputStream(state))));
            state[3] = 9;
            assertThrows(IllegalStateException.class,
                () -> other.readState(new DataInputStream(new ByteArrayInputStream(state))));
        }
    }
}
