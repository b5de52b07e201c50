package io.sluice.internal.checkpoint;

import io.sluice.internal.recovery.CrashPoints;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One state snapshot on disk: the state of every stateful operator after one batch, versioned binary (never Java
 * serialization), each operator's section with its own CRC32C and the whole file with another.
 *
 * <pre>
 *  magic "SLUICESN" (long) | format version (int, {@value #FORMAT_VERSION}) | batch time (long) | zero time (long)
 *  | batch interval ms (long) | section count (int)
 *  section: stable id (UTF) | kind (UTF) | schema (UTF) | body length (int) | body | CRC32C of body (int)
 *  CRC32C of every byte before it (int)
 * </pre>
 *
 * A file is written to a temporary name, forced to disk, renamed into place and its directory forced; only then does
 * the manifest record it. A file that fails any check is not used (recovery falls back to an older snapshot or to the
 * log's start). Allocates: the snapshot path, never the batch path.
 */
public final class SnapshotFile
{
    public static final long MAGIC = 0x534C55494345534EL;
    public static final int FORMAT_VERSION = 1;
    public static final String PREFIX = "state-";
    public static final String SUFFIX = ".snap";

    /** One operator's part of a snapshot. */
    public record Section(String stateId, String kind, String schema, byte[] body)
    {
    }

    /** What a snapshot file holds. */
    public record Contents(long batchTime, long zeroTime, long batchMs, List<Section> sections)
    {
    }

    private SnapshotFile()
    {
    }

    /** The file name of the snapshot of {@code batchTime}. */
    public static String fileName(final long batchTime)
    {
        return PREFIX + batchTime + SUFFIX;
    }

    /**
     * Writes {@code contents} durably as {@code dir/fileName(batchTime)}: temporary file, force, atomic rename, force
     * the directory.
     *
     * @return the file written.
     */
    public static Path write(final Path dir, final Contents contents) throws IOException
    {
        Files.createDirectories(dir);
        final Path target = dir.resolve(fileName(contents.batchTime()));
        final Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            final CRC32C fileCrc = new CRC32C();
            final OutputStream stream = new ForcingStream(channel);
            final DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                new BufferedOutputStream(stream, 1 << 16), fileCrc));
            out.writeLong(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeLong(contents.batchTime());
            out.writeLong(contents.zeroTime());
            out.writeLong(contents.batchMs());
            out.writeInt(contents.sections().size());
            int written = 0;
            for (final Section section : contents.sections())
            {
                out.writeUTF(section.stateId());
                out.writeUTF(section.kind());
                out.writeUTF(section.schema());
                out.writeInt(section.body().length);
                out.write(section.body());
                final CRC32C crc = new CRC32C();
                crc.update(section.body());
                out.writeInt((int)crc.getValue());
                if (++written == (contents.sections().size() + 1) / 2)
                {
                    out.flush();
                    CrashPoints.hit(CrashPoints.SNAPSHOT_MID_WRITE);
                }
            }
            out.flush();
            final int crc = (int)fileCrc.getValue();
            out.writeInt(crc);
            out.flush();
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(dir);
        CrashPoints.hit(CrashPoints.SNAPSHOT_AFTER_RENAME);
        return target;
    }

    /**
     * Writes to the channel and forces it every {@value #FORCE_EVERY_BYTES} bytes, so a large snapshot never leaves
     * more than that much dirty in the page cache at once: one big force at the end stalls the log's own writes
     * behind it (the latency harness showed 70-80 ms hiccups at 10 ms batches with 24 MB snapshots).
     */
    private static final class ForcingStream extends OutputStream
    {
        private final FileChannel channel;
        private long sinceForce;

        ForcingStream(final FileChannel channel)
        {
            this.channel = channel;
        }

        @Override
        public void write(final int b) throws IOException
        {
            write(new byte[] {(byte)b}, 0, 1);
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) throws IOException
        {
            final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            sinceForce += length;
            if (sinceForce >= FORCE_EVERY_BYTES)
            {
                channel.force(false);
                sinceForce = 0;
            }
        }
    }

    static final int FORCE_EVERY_BYTES = 1 << 20;

    /** Forces a directory's entries to disk (a rename into it is durable afterwards); ignored where unsupported. */
    public static void forceDirectory(final Path dir)
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ignore)
        {
            // some file systems cannot open a directory for reading; the rename is still atomic
        }
    }

    /**
     * Reads and checks a snapshot file.
     *
     * @throws IOException if it cannot be read or fails a check (magic, version, a CRC, truncation); the message says
     *                     which.
     */
    public static Contents read(final Path file) throws IOException
    {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16))
        {
            final CRC32C fileCrc = new CRC32C();
            final DataInputStream in = new DataInputStream(new CheckedInputStream(stream, fileCrc));
            if (in.readLong() != MAGIC)
            {
                throw new IOException(file + " is not a Sluice snapshot (bad magic)");
            }
            final int version = in.readInt();
            if (version != FORMAT_VERSION)
            {
                throw new IOException(file + " has snapshot format version " + version + "; this Sluice reads version "
                    + FORMAT_VERSION);
            }
            final long batchTime = in.readLong();
            final long zeroTime = in.readLong();
            final long batchMs = in.readLong();
            final int count = in.readInt();
            if (count < 0)
            {
                throw new IOException(file + " is corrupt: " + count + " sections");
            }
            final List<Section> sections = new ArrayList<>(count);
            for (int i = 0; i < count; i++)
            {
                final String id = in.readUTF();
                final String kind = in.readUTF();
                final String schema = in.readUTF();
                final int length = in.readInt();
                if (length < 0)
                {
                    throw new IOException(file + " is corrupt: section " + id + " has length " + length);
                }
                final byte[] body = new byte[length];
                in.readFully(body);
                final CRC32C crc = new CRC32C();
                crc.update(body);
                if (in.readInt() != (int)crc.getValue())
                {
                    throw new IOException(file + ": section " + id + " fails its CRC");
                }
                sections.add(new Section(id, kind, schema, body));
            }
            final int expected = (int)fileCrc.getValue();
            if (in.readInt() != expected)
            {
                throw new IOException(file + " fails its file CRC");
            }
            return new Contents(batchTime, zeroTime, batchMs, sections);
        }
        catch (final EOFException ex)
        {
            throw new IOException(file + " is truncated", ex);
        }
    }

    /** A section's body as a stream. */
    public static DataInputStream body(final Section section)
    {
        return new DataInputStream(new ByteArrayInputStream(section.body()));
    }

    /** A buffer a node writes its section body into. */
    public static ByteArrayOutputStream newBody()
    {
        return new ByteArrayOutputStream(1024);
    }
}
