package io.sluice.bench.columnar;

import io.sluice.api.Codecs;
import io.sluice.bench.BenchmarkBase;
import io.sluice.bench.TempDirs;
import io.sluice.internal.aggregate.BytesLongHashAggregator;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.ingest.IngestConfig;
import io.sluice.internal.ingest.IngestPipeline;
import io.sluice.internal.ingest.StreamWriter;
import io.sluice.internal.input.SegmentColumns;
import io.sluice.internal.log.Segment;
import io.sluice.internal.log.SegmentReader;
import io.sluice.internal.operator.TextCountByValueOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Word count from a segment, per word, steady state: one Chronicle segment of {@value #LINES} lines of
 * {@value #WORDS_PER_LINE} words ({@value #WORDS} words, {@value #VOCABULARY} distinct), written once through the
 * ingest pipeline and read again and again.
 * <ul>
 *   <li>{@link #sluiceFromSegment()}: the fast path a job runs for {@code textSocketStream(..).splitWords()
 *   .countByValue()}: the segment decoded into a UTF-8 bytes column, then the fused split + count loop over bytes
 *   (output columns allocated and freed per batch).</li>
 *   <li>{@link #sluiceFromColumn()}: only the fused operator, over an already decoded column.</li>
 *   <li>{@link #handWrittenStrings()}: the hand-written baseline over the same segment: decode each record to a
 *   String with the codec, {@code split(" ")}, {@code HashMap<String, Long>.merge} (what the generic path does,
 *   without the engine).</li>
 * </ul>
 */
@State(Scope.Thread)
public class SegmentWordCountBenchmark extends BenchmarkBase
{
    public static final int LINES = 8_192;
    public static final int WORDS_PER_LINE = 8;
    public static final int WORDS = LINES * WORDS_PER_LINE;
    public static final int VOCABULARY = 5_000;

    private Path dataDir;
    private IngestPipeline pipeline;
    private SegmentReader reader;
    private Segment segment;
    private ColumnBatch decoded;
    private BytesLongHashAggregator aggregator;
    private TextCountByValueOperator.CountingSink sink;

    @Setup
    public void prepare() throws InterruptedException
    {
        final SplittableRandom random = new SplittableRandom(7);
        final String[] vocabulary = new String[VOCABULARY];
        for (int w = 0; w < VOCABULARY; w++)
        {
            final StringBuilder word = new StringBuilder();
            final int length = 3 + random.nextInt(8);
            for (int c = 0; c < length; c++)
            {
                word.append((char)('a' + random.nextInt(26)));
            }
            vocabulary[w] = word.toString();
        }
        dataDir = TempDirs.create("sluice-bench-wordcount");
        pipeline = new IngestPipeline(IngestConfig.from(Map.of(IngestConfig.SLOT_BYTES_PROP_NAME, "256")), dataDir);
        final int id = pipeline.registerStream("lines");
        pipeline.start();
        final StreamWriter<String> writer = pipeline.writer(id, Codecs.STRING);
        for (int l = 0; l < LINES; l++)
        {
            final StringBuilder line = new StringBuilder();
            for (int w = 0; w < WORDS_PER_LINE; w++)
            {
                line.append(w == 0 ? "" : " ").append(vocabulary[random.nextInt(VOCABULARY)]);
            }
            writer.store(line.toString());
        }
        pipeline.cut(1_000);
        segment = pipeline.awaitSegments(1_000).segment(id);
        if (segment.recordCount() != LINES)
        {
            throw new IllegalStateException("segment holds " + segment.recordCount() + " lines, expected " + LINES);
        }
        reader = pipeline.reader(id);
        aggregator = new BytesLongHashAggregator(1024);
        sink = new TextCountByValueOperator.CountingSink();
    }

    @TearDown
    public void free()
    {
        if (decoded != null)
        {
            decoded.close();
        }
        reader.close();
        pipeline.close();
        TempDirs.delete(dataDir);
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public int sluiceFromSegment()
    {
        try (ColumnBatch lines = SegmentColumns.readText(reader, segment);
            ColumnBatch counts = TextCountByValueOperator.countWords(lines, aggregator, sink))
        {
            return counts.size();
        }
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public int sluiceFromColumn()
    {
        if (decoded == null)
        {
            decoded = SegmentColumns.readText(reader, segment);
        }
        try (ColumnBatch counts = TextCountByValueOperator.countWords(decoded, aggregator, sink))
        {
            return counts.size();
        }
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public int handWrittenStrings()
    {
        final Map<String, Long> counts = new HashMap<>();
        reader.read(segment, Codecs.STRING, line ->
        {
            for (final String word : line.split(" "))
            {
                counts.merge(word, 1L, Long::sum);
            }
        });
        return counts.size();
    }
}
