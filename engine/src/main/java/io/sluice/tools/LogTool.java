package io.sluice.tools;

import io.sluice.api.DStream;
import io.sluice.internal.checkpoint.SnapshotFile;
import io.sluice.internal.checkpoint.Snapshotter;
import io.sluice.internal.ingest.IngestPipeline;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.log.LogQueues;
import io.sluice.internal.log.ManifestRecord;
import io.sluice.internal.log.Segment;
import io.sluice.internal.log.SegmentReader;
import io.sluice.internal.log.TrailingDocuments;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Inspects and replays a Sluice data directory (the ingest log and its batch manifest) and a checkpoint directory's
 * snapshots, from the command line; read-only except {@code replay}, which runs a batch through a pipeline in a test
 * driver of its own (the directory is never written). Run it while the context is stopped, or on a copy: the
 * manifest is read as far as it is complete.
 *
 * <pre>
 *  list      &lt;dataDir&gt;                                batches: time, records per stream, status, processing time
 *  dump      &lt;dataDir&gt; &lt;batchMs&gt; [stream] [limit]       one batch's records (UTF-8 text, else hex)
 *  snapshots &lt;checkpointDir&gt;                          snapshot files: batch, size, operators, valid or why not
 *  replay    &lt;dataDir&gt; &lt;batchMs&gt; &lt;pipelineClass&gt; [stream]  one batch's records through your pipeline
 * </pre>
 *
 * {@code <dataDir>} is the context's data directory ({@code <checkpointDir>/log} when only a checkpoint directory was
 * set). {@code pipelineClass} implements {@code Function<DStream<String>, DStream<?>>} with a public no-argument
 * constructor; the batch's records (decoded as UTF-8 text) are its input's only batch, and the tool prints the output
 * batch. Exit status 0, 2 for bad arguments, 1 when the directory cannot be read.
 */
public final class LogTool
{
    private LogTool()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h"))
        {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        try
        {
            switch (args[0])
            {
                case "list":
                    need(args, 2);
                    list(Path.of(args[1]), out);
                    return 0;
                case "dump":
                    need(args, 3);
                    dump(Path.of(args[1]), Long.parseLong(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 0,
                        args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE, out);
                    return 0;
                case "snapshots":
                    need(args, 2);
                    snapshots(Path.of(args[1]), out);
                    return 0;
                case "replay":
                    need(args, 4);
                    replay(Path.of(args[1]), Long.parseLong(args[2]), args[3],
                        args.length > 4 ? Integer.parseInt(args[4]) : 0, out);
                    return 0;
                default:
                    err.println("unknown command '" + args[0] + "'");
                    usage(err);
                    return 2;
            }
        }
        catch (final IllegalArgumentException ex)
        {
            err.println(ex.getMessage());
            usage(err);
            return 2;
        }
        catch (final IOException | RuntimeException ex)
        {
            err.println("error: " + ex.getMessage());
            return 1;
        }
    }

    private static void usage(final PrintStream out)
    {
        out.println("usage: log list <dataDir>");
        out.println("       log dump <dataDir> <batchTimeMs> [streamId] [limit]");
        out.println("       log snapshots <checkpointDir>");
        out.println("       log replay <dataDir> <batchTimeMs> <pipelineClass> [streamId]");
        out.println("<dataDir> is the context's data directory (<checkpointDir>/log when only a checkpoint directory "
            + "was set); pipelineClass implements Function<DStream<String>, DStream<?>>.");
    }

    private static void need(final String[] args, final int count)
    {
        if (args.length < count)
        {
            throw new IllegalArgumentException("'" + args[0] + "' needs " + (count - 1) + " argument(s)");
        }
    }

    private static BatchManifest.Contents manifest(final Path dataDir)
    {
        final Path dir = dataDir.resolve(IngestPipeline.MANIFEST_DIR_NAME);
        if (!Files.isDirectory(dir))
        {
            throw new IllegalStateException(dataDir + " holds no batch manifest (" + dir + " is missing): is it a "
                + "Sluice data directory?");
        }
        try (BatchManifest manifest = new BatchManifest(dir, RollCycles.FAST_DAILY))
        {
            return manifest.readRecords();
        }
    }

    /** Prints every sealed batch: time, records per stream, status, processing time; then the open tail. */
    static void list(final Path dataDir, final PrintStream out)
    {
        final BatchManifest.Contents contents = manifest(dataDir);
        final Map<Long, Integer> processing = new HashMap<>();
        final Map<Long, Set<Integer>> outputs = new HashMap<>();
        final List<BatchSegments> seals = new ArrayList<>();
        List<String> streams = List.of();
        int runs = 0;
        final Set<Long> snapshots = new HashSet<>();
        for (final ManifestRecord record : contents.records())
        {
            if (record instanceof ManifestRecord.Seal seal)
            {
                seals.add(seal.segments());
            }
            else if (record instanceof ManifestRecord.BatchDone done)
            {
                processing.put(done.batchTime(), done.processingMicros());
            }
            else if (record instanceof ManifestRecord.OutputDone done)
            {
                outputs.computeIfAbsent(done.batchTime(), t -> new HashSet<>()).add(done.outputId());
            }
            else if (record instanceof ManifestRecord.Start start)
            {
                streams = start.streams();
                runs++;
            }
            else if (record instanceof ManifestRecord.SnapshotDone snapshot)
            {
                snapshots.add(snapshot.batchTime());
            }
        }
        out.println("data directory " + dataDir + ": " + seals.size() + " batches in the manifest, " + runs
            + " context start(s) recorded, streams " + streams);
        out.printf("%-16s %-28s %-22s %s%n", "batch (ms)", "records per stream", "status", "processing");
        final Segment[] last = new Segment[streams.size()];
        for (final BatchSegments seal : seals)
        {
            final StringBuilder records = new StringBuilder();
            for (final Segment segment : seal.segments())
            {
                records.append(records.length() == 0 ? "" : " ").append(segment.streamId()).append(':')
                    .append(segment.recordCount());
                if (!segment.isEmpty() && segment.streamId() < last.length)
                {
                    last[segment.streamId()] = segment;
                }
            }
            final long time = seal.batchTime();
            final Integer micros = processing.get(time);
            final String status = micros != null ? "done" : outputs.containsKey(time)
                ? "partial (" + outputs.get(time).size() + " outputs done)" : "sealed, not run";
            out.printf("%-16d %-28s %-22s %s%n", time, records.length() == 0 ? "-" : records, status
                + (snapshots.contains(time) ? ", snapshot" : ""), micros == null ? "-" : micros + " us");
        }
        for (int stream = 0; stream < streams.size(); stream++)
        {
            final Path queueDir = dataDir.resolve(IngestPipeline.STREAMS_DIR_NAME).resolve(Integer.toString(stream));
            if (Files.isDirectory(queueDir))
            {
                try (SingleChronicleQueue queue = LogQueues.open(queueDir, RollCycles.FAST_DAILY))
                {
                    final Segment open = TrailingDocuments.after(stream, queue, last[stream]);
                    out.println("stream " + stream + " (" + streams.get(stream) + "): " + open.recordCount()
                        + " records after the last sealed batch (the next batch after a restart)");
                }
                catch (final IllegalStateException ex)
                {
                    out.println("stream " + stream + ": " + ex.getMessage());
                }
            }
        }
        if (contents.tornTail() != null)
        {
            out.println("note: " + contents.tornTail());
        }
    }

    private static BatchSegments seal(final Path dataDir, final long batchTime)
    {
        for (final ManifestRecord record : manifest(dataDir).records())
        {
            if (record instanceof ManifestRecord.Seal seal && seal.batchTime() == batchTime)
            {
                return seal.segments();
            }
        }
        throw new IllegalStateException("the manifest of " + dataDir + " has no batch " + batchTime
            + " ms (list shows the batches it has; retention deletes old ones)");
    }

    /** The records of one batch of one stream, as text (or hex when not UTF-8). */
    static List<String> records(final Path dataDir, final long batchTime, final int stream)
    {
        final BatchSegments seal = seal(dataDir, batchTime);
        if (stream < 0 || stream >= seal.segments().size())
        {
            throw new IllegalArgumentException("batch " + batchTime + " ms has streams 0.." + (seal.segments().size()
                - 1) + ", not " + stream);
        }
        final List<String> records = new ArrayList<>();
        final Segment segment = seal.segment(stream);
        try (SingleChronicleQueue queue = LogQueues.open(
                dataDir.resolve(IngestPipeline.STREAMS_DIR_NAME).resolve(Integer.toString(stream)),
                RollCycles.FAST_DAILY);
             SegmentReader reader = new SegmentReader(stream, queue))
        {
            reader.read(segment, (buffer, offset, length) ->
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                records.add(text(bytes));
            });
        }
        return records;
    }

    private static String text(final byte[] bytes)
    {
        try
        {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        }
        catch (final CharacterCodingException ex)
        {
            final StringBuilder hex = new StringBuilder("0x");
            for (final byte b : bytes)
            {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        }
    }

    static void dump(final Path dataDir, final long batchTime, final int stream, final int limit,
        final PrintStream out)
    {
        final List<String> records = records(dataDir, batchTime, stream);
        out.println("batch " + batchTime + " ms, stream " + stream + ": " + records.size() + " records");
        for (int i = 0; i < Math.min(limit, records.size()); i++)
        {
            out.println(records.get(i));
        }
    }

    static void snapshots(final Path checkpointDir, final PrintStream out) throws IOException
    {
        final TreeMap<Long, Path> files = Snapshotter.files(checkpointDir.resolve("snapshots"));
        out.println(files.size() + " snapshot file(s) in " + checkpointDir.resolve("snapshots"));
        for (final Map.Entry<Long, Path> entry : files.entrySet())
        {
            try
            {
                final SnapshotFile.Contents contents = SnapshotFile.read(entry.getValue());
                out.println("batch " + entry.getKey() + " ms: " + Files.size(entry.getValue()) + " bytes, valid, "
                    + contents.sections().size() + " operator(s)");
                for (final SnapshotFile.Section section : contents.sections())
                {
                    out.println("  " + section.stateId() + "  " + section.kind() + " [" + section.schema() + "]  "
                        + section.body().length + " bytes");
                }
            }
            catch (final IOException ex)
            {
                out.println("batch " + entry.getKey() + " ms: NOT USABLE: " + ex.getMessage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void replay(final Path dataDir, final long batchTime, final String pipelineClass, final int stream,
        final PrintStream out)
    {
        final List<String> records = records(dataDir, batchTime, stream);
        final Function<DStream<String>, DStream<?>> pipeline;
        try
        {
            pipeline = (Function<DStream<String>, DStream<?>>)Class.forName(pipelineClass).getConstructor()
                .newInstance();
        }
        catch (final ReflectiveOperationException | ClassCastException ex)
        {
            throw new IllegalArgumentException("cannot make the pipeline " + pipelineClass + " (a public class "
                + "implementing Function<DStream<String>, DStream<?>> with a public no-argument constructor, on the "
                + "class path): " + ex);
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<?> output = driver.collect(pipeline.apply(driver.input(List.of(records))));
            driver.start();
            driver.advance(1);
            out.println("batch " + batchTime + " ms, stream " + stream + ": " + records.size() + " records in, "
                + (output.batches().isEmpty() ? "no output batch" : output.batches().get(0).size() + " out:"));
            for (final List<?> batch : output.batches())
            {
                for (final Object element : batch)
                {
                    out.println(element);
                }
            }
        }
    }
}
