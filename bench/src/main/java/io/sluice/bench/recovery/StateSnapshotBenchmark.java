package io.sluice.bench.recovery;

import io.sluice.api.LongUpdateFunction;
import io.sluice.bench.BenchmarkBase;
import io.sluice.bench.TempDirs;
import io.sluice.internal.checkpoint.SnapshotFile;
import io.sluice.internal.checkpoint.StateCodecs;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.state.LongLongUpdateStateOperator;
import org.agrona.UnsafeApi;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writing one state snapshot of {@code keys} keys durably: encode the state, write the file, force it, rename it into
 * place, force the directory ({@link SnapshotFile#write}). One invocation = one snapshot; ms per snapshot, and the
 * file's size as an auxiliary counter ({@code bytes}).
 *
 * <ul>
 *   <li>{@code fastLongLong}: a fast-path {@code updateStateByKey} on long keys ({@link LongLongUpdateStateOperator},
 *       columnar: keys, then states).</li>
 *   <li>{@code genericLongLong}: a generic {@code updateStateByKey}'s (Long, Long) pairs, tagged by
 *       {@link StateCodecs}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateSnapshotBenchmark extends BenchmarkBase
{
    @Param({"1000000"})
    int keys;

    private Path dir;
    private LongLongUpdateStateOperator fast;
    private List<io.sluice.api.Pair<Long, Long>> generic;
    private final StateCodecs codecs = new StateCodecs();
    private long time;

    /** The last snapshot's size. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Size
    {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        dir = TempDirs.create("sluice-snapshot-bench-");
        final LongUpdateFunction count = (key, values, state) ->
            state.update((state.exists() ? state.get() : 0) + values.size());
        fast = new LongLongUpdateStateOperator(count);
        final LongVector inKeys = new LongVector(keys);
        final LongVector inValues = new LongVector(keys);
        for (int i = 0; i < keys; i++)
        {
            inKeys.add(i * 7919L);
            inValues.add(1);
        }
        final LongVector outKeys = new LongVector(keys);
        final LongVector outValues = new LongVector(keys);
        fast.update(inKeys.address(), inValues.address(), 0, keys, outKeys, outValues);
        inKeys.close();
        inValues.close();
        outKeys.close();
        outValues.close();
        generic = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++)
        {
            generic.add(io.sluice.api.Pair.of(i * 7919L, (long)i));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        fast.close();
        TempDirs.delete(dir);
    }

    private long write(final byte[] body) throws IOException
    {
        final Path file = SnapshotFile.write(dir, new SnapshotFile.Contents(++time, 0, 1000,
            List.of(new SnapshotFile.Section("counts", "updateStateByKey", "key=long;state=long", body))));
        final long size = Files.size(file);
        Files.delete(file);
        return size;
    }

    @Benchmark
    public long fastLongLong(final Size size) throws IOException
    {
        final ByteArrayOutputStream body = new ByteArrayOutputStream(keys * 16 + 64);
        try (DataOutputStream out = new DataOutputStream(body))
        {
            fast.writeState(out);
        }
        size.bytes = write(body.toByteArray());
        return size.bytes;
    }

    @Benchmark
    public long genericLongLong(final Size size) throws IOException
    {
        final ByteArrayOutputStream body = new ByteArrayOutputStream(keys * 20 + 64);
        try (DataOutputStream out = new DataOutputStream(body))
        {
            out.writeInt(generic.size());
            for (final io.sluice.api.Pair<Long, Long> pair : generic)
            {
                codecs.write(pair.key(), out);
                codecs.write(pair.value(), out);
            }
        }
        size.bytes = write(body.toByteArray());
        return size.bytes;
    }
}
