package io.sluice.recovery;

import io.sluice.internal.log.ChronicleSetup;
import io.sluice.internal.log.ManifestDescriptor;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Reads a checkpoint directory's ingest log the way an auditor would, without the engine's readers: every document of
 * every stream queue under {@code <checkpointDir>/log/streams/<id>/} (blocks laid out as
 * {@code io.sluice.internal.log.BlockDescriptor}: int32 record count, then per record int32 length and the bytes;
 * records are {@code Codecs.STRING}, raw UTF-8), and every seal of the manifest under
 * {@code <checkpointDir>/log/manifest/} (records laid out as {@link ManifestDescriptor}, CRC-32C-checked with the
 * JDK's {@link CRC32C}, not the engine's code; reading stops at the first torn record). Each seal's segments are
 * matched to the documents they name by Chronicle index, which gives the records of every batch, the records no seal
 * covers and the records two seals cover.
 *
 * <p>Call only while no process writes the log (after the child exited). Opens the queues read-only. Thread-safe
 * (no shared state); allocates every record as a String.
 */
public final class LogOracle
{
    static
    {
        ChronicleSetup.ensure();
    }

    /** The log directory under a checkpoint directory (no data directory named). */
    public static final String LOG_DIR_NAME = "log";

    private LogOracle()
    {
    }

    /** One Chronicle document of a stream queue: its index and its records. */
    private record Document(long index, List<String> records)
    {
    }

    /** Reads the log under {@code checkpointDir}; a missing or unreadable part is a problem in the result. */
    public static LogContents read(final Path checkpointDir)
    {
        final List<String> problems = new ArrayList<>();
        final Path log = checkpointDir.resolve(LOG_DIR_NAME);
        final Path streamsDir = log.resolve("streams");
        if (!Files.isDirectory(streamsDir))
        {
            problems.add("no ingest log at " + streamsDir + " (does the engine keep <checkpointDir>/log?)");
            return new LogContents(List.of(), new TreeMap<>(), 0, 0, 0, problems);
        }
        final Map<Integer, List<Document>> streams = new TreeMap<>();
        for (final Path dir : list(streamsDir))
        {
            final int streamId;
            try
            {
                streamId = Integer.parseInt(dir.getFileName().toString());
            }
            catch (final NumberFormatException ex)
            {
                problems.add("ignored " + dir + ": not a stream id");
                continue;
            }
            streams.put(streamId, readStream(dir, problems));
        }
        final List<String> records = new ArrayList<>();
        final Map<Integer, Map<Long, Integer>> positions = new HashMap<>();
        final Map<Integer, int[]> coverage = new HashMap<>();
        for (final Map.Entry<Integer, List<Document>> stream : streams.entrySet())
        {
            final Map<Long, Integer> byIndex = new HashMap<>();
            for (int i = 0; i < stream.getValue().size(); i++)
            {
                final Document document = stream.getValue().get(i);
                byIndex.put(document.index(), i);
                records.addAll(document.records());
            }
            positions.put(stream.getKey(), byIndex);
            coverage.put(stream.getKey(), new int[stream.getValue().size()]);
        }
        final int[] starts = new int[1];
        final SortedMap<Long, List<String>> batches = new TreeMap<>();
        for (final Seal seal : readSeals(log.resolve("manifest"), starts, problems))
        {
            if (batches.containsKey(seal.batchTime()))
            {
                problems.add("batch " + seal.batchTime() + " is sealed more than once");
            }
            final List<String> batch = batches.computeIfAbsent(seal.batchTime(), t -> new ArrayList<>());
            for (final long[] segment : seal.segments())
            {
                addSegment(seal.batchTime(), segment, streams, positions, coverage, batch, problems);
            }
        }
        long unsealed = 0;
        long resealed = 0;
        for (final Map.Entry<Integer, List<Document>> stream : streams.entrySet())
        {
            final int[] covered = coverage.get(stream.getKey());
            for (int i = 0; i < covered.length; i++)
            {
                final int size = stream.getValue().get(i).records().size();
                if (covered[i] == 0)
                {
                    unsealed += size;
                }
                else if (covered[i] > 1)
                {
                    resealed += (long)size * (covered[i] - 1);
                }
            }
        }
        return new LogContents(records, batches, unsealed, resealed, starts[0], problems);
    }

    /** A seal: its batch time and per segment {stream id, first index, document count, record count}. */
    private record Seal(long batchTime, List<long[]> segments)
    {
    }

    private static void addSegment(final long batchTime, final long[] segment,
        final Map<Integer, List<Document>> streams, final Map<Integer, Map<Long, Integer>> positions,
        final Map<Integer, int[]> coverage, final List<String> batch, final List<String> problems)
    {
        final int streamId = (int)segment[0];
        final long firstIndex = segment[1];
        final long documents = segment[2];
        if (documents == 0)
        {
            return;
        }
        final Integer first = positions.getOrDefault(streamId, Map.of()).get(firstIndex);
        if (first == null)
        {
            problems.add("batch " + batchTime + ": stream " + streamId + " has no document at index "
                + Long.toHexString(firstIndex));
            return;
        }
        final List<Document> stream = streams.get(streamId);
        long records = 0;
        for (long d = 0; d < documents; d++)
        {
            final int position = first + (int)d;
            if (position >= stream.size())
            {
                problems.add("batch " + batchTime + ": stream " + streamId + " ends " + (documents - d)
                    + " documents before the segment does");
                break;
            }
            coverage.get(streamId)[position]++;
            batch.addAll(stream.get(position).records());
            records += stream.get(position).records().size();
        }
        if (records != segment[3])
        {
            problems.add("batch " + batchTime + ": stream " + streamId + " segment declares " + segment[3]
                + " records, its documents hold " + records);
        }
    }

    private static List<Document> readStream(final Path dir, final List<String> problems)
    {
        final List<Document> documents = new ArrayList<>();
        try (ChronicleQueue queue = open(dir); ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    documents.add(new Document(dc.index(), block(dc.wire().bytes(), dir, dc.index(), problems)));
                }
            }
        }
        return documents;
    }

    private static List<String> block(final Bytes<?> bytes, final Path dir, final long index,
        final List<String> problems)
    {
        final List<String> records = new ArrayList<>();
        final long start = bytes.readPosition();
        final long end = start + bytes.readRemaining();
        if (end - start < 4)
        {
            problems.add(dir + " document " + Long.toHexString(index) + ": " + (end - start) + " bytes, no header");
            return records;
        }
        final int count = bytes.readInt(start);
        long position = start + 4;
        for (int i = 0; i < count; i++)
        {
            final int length = position + 4 <= end ? bytes.readInt(position) : -1;
            if (length < 0 || position + 4 + length > end)
            {
                problems.add(dir + " document " + Long.toHexString(index) + ": record " + i + " of " + count
                    + " runs past the block");
                break;
            }
            final byte[] utf8 = new byte[length];
            for (int b = 0; b < length; b++)
            {
                utf8[b] = bytes.readByte(position + 4 + b);
            }
            records.add(new String(utf8, StandardCharsets.UTF_8));
            position += 4 + length;
        }
        return records;
    }

    private static List<Seal> readSeals(final Path dir, final int[] starts, final List<String> problems)
    {
        final List<Seal> seals = new ArrayList<>();
        if (!Files.isDirectory(dir))
        {
            problems.add("no manifest at " + dir);
            return seals;
        }
        try (ChronicleQueue queue = open(dir); ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final long start = bytes.readPosition();
                    final int length = (int)bytes.readRemaining();
                    final String torn = checkRecord(bytes, start, length);
                    if (torn != null)
                    {
                        problems.add("manifest record " + Long.toHexString(dc.index()) + " " + torn
                            + ": it and every later record are ignored");
                        break;
                    }
                    final int type = bytes.readShort(start + ManifestDescriptor.TYPE_OFFSET);
                    if (type == ManifestDescriptor.TYPE_START)
                    {
                        starts[0]++;
                    }
                    else if (type == ManifestDescriptor.TYPE_SEAL)
                    {
                        seals.add(seal(bytes, start));
                    }
                }
            }
        }
        return seals;
    }

    private static String checkRecord(final Bytes<?> bytes, final long start, final int length)
    {
        if (length < ManifestDescriptor.HEADER_LENGTH)
        {
            return "is " + length + " bytes, shorter than a header";
        }
        final int declared = bytes.readInt(start + ManifestDescriptor.LENGTH_OFFSET);
        if (declared < ManifestDescriptor.HEADER_LENGTH || declared > length)
        {
            return "declares " + declared + " bytes in a document of " + length;
        }
        final byte[] record = new byte[declared];
        for (int i = 0; i < declared; i++)
        {
            record[i] = bytes.readByte(start + i);
        }
        if (crc32c(record) != bytes.readInt(start + ManifestDescriptor.CRC_OFFSET))
        {
            return "fails its CRC";
        }
        final int version = bytes.readShort(start + ManifestDescriptor.VERSION_OFFSET);
        if (version != ManifestDescriptor.CURRENT_VERSION)
        {
            return "has version " + version + ", this oracle reads " + ManifestDescriptor.CURRENT_VERSION;
        }
        final int type = bytes.readShort(start + ManifestDescriptor.TYPE_OFFSET);
        if (type == ManifestDescriptor.TYPE_SEAL
            && ManifestDescriptor.sealLength(bytes.readInt(start + ManifestDescriptor.COUNT_OFFSET)) > declared)
        {
            return "is a seal too short for its streams";
        }
        return null;
    }

    /** The CRC-32C of a manifest record: over its bytes from the type field to its declared end. */
    static int crc32c(final byte[] record)
    {
        final CRC32C crc = new CRC32C();
        crc.update(record, ManifestDescriptor.TYPE_OFFSET, record.length - ManifestDescriptor.TYPE_OFFSET);
        return (int)crc.getValue();
    }

    private static Seal seal(final Bytes<?> bytes, final long start)
    {
        final long time = bytes.readLong(start + ManifestDescriptor.BATCH_TIME_OFFSET);
        final int count = bytes.readInt(start + ManifestDescriptor.COUNT_OFFSET);
        final List<long[]> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final long offset = start + ManifestDescriptor.segmentOffset(i);
            segments.add(new long[] {
                bytes.readInt(offset + ManifestDescriptor.SEGMENT_STREAM_ID_OFFSET),
                bytes.readLong(offset + ManifestDescriptor.SEGMENT_FIRST_INDEX_OFFSET),
                bytes.readLong(offset + ManifestDescriptor.SEGMENT_DOCUMENT_COUNT_OFFSET),
                bytes.readLong(offset + ManifestDescriptor.SEGMENT_RECORD_COUNT_OFFSET)});
        }
        return new Seal(time, segments);
    }

    private static ChronicleQueue open(final Path dir)
    {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).readOnly(true).build();
    }

    private static List<Path> list(final Path dir)
    {
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
