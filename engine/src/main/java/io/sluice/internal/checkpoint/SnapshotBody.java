package io.sluice.internal.checkpoint;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bytes of one snapshot section as it is captured on the job executor thread: a growable array written big-endian
 * (the {@link DataOutput} layout) without {@code DataOutputStream}'s per-call stream and lock overhead, since the
 * capture is the part of a snapshot that delays the next batch. Not thread-safe; allocates as it grows.
 */
public final class SnapshotBody implements DataOutput
{
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes;
    private int length;

    public SnapshotBody(final int initialCapacity)
    {
        bytes = new byte[Math.max(64, initialCapacity)];
    }

    /** A copy of what was written. */
    public byte[] toByteArray()
    {
        return Arrays.copyOf(bytes, length);
    }

    public int size()
    {
        return length;
    }

    private void ensure(final int more)
    {
        if (length + more > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    @Override
    public void write(final int b)
    {
        ensure(1);
        bytes[length++] = (byte)b;
    }

    @Override
    public void write(final byte[] b)
    {
        write(b, 0, b.length);
    }

    @Override
    public void write(final byte[] b, final int off, final int len)
    {
        ensure(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    @Override
    public void writeBoolean(final boolean v)
    {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(final int v)
    {
        write(v);
    }

    @Override
    public void writeShort(final int v)
    {
        ensure(2);
        bytes[length++] = (byte)(v >>> 8);
        bytes[length++] = (byte)v;
    }

    @Override
    public void writeChar(final int v)
    {
        writeShort(v);
    }

    @Override
    public void writeInt(final int v)
    {
        ensure(4);
        INTS.set(bytes, length, v);
        length += 4;
    }

    @Override
    public void writeLong(final long v)
    {
        ensure(8);
        LONGS.set(bytes, length, v);
        length += 8;
    }

    @Override
    public void writeFloat(final float v)
    {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(final double v)
    {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            writeChar(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(final String s) throws IOException
    {
        final java.io.ByteArrayOutputStream utf = new java.io.ByteArrayOutputStream(s.length() + 2);
        new DataOutputStream(utf).writeUTF(s);
        write(utf.toByteArray());
    }
}
