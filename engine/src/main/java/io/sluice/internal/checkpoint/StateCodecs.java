package io.sluice.internal.checkpoint;

import io.sluice.api.Codec;
import io.sluice.api.Pair;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How generic state (keys and values of user types) is written into snapshots: a tag byte per value, then its
 * bytes. Built in: null, String, Long, Integer, Short, Byte, Character, Double, Float, Boolean, byte[], Pair, List,
 * Map, Optional (nested freely). Any other type needs a {@link Codec} registered for its exact class
 * ({@code StreamingContext.registerStateCodec}); writing a value of an unregistered type fails with a message that
 * says so. Never Java serialization.
 *
 * <pre>
 *  tag 0 null | 1 String: int length + UTF-8 | 2 long | 3 int | 4 double | 5 boolean | 6 byte[]: int length + bytes
 *  7 Pair: key, value | 8 List: int size + values | 9 float | 10 short | 11 byte | 12 char
 *  13 Optional: empty (tag 0) or value | 14 Map: int size + (key, value)... in iteration order
 *  15 registered codec: UTF class name, int length + the codec's bytes
 * </pre>
 *
 * <p>Thread-safe for registration; encoding uses a per-call scratch buffer. Allocates (it is the snapshot path,
 * never the batch path).
 */
public final class StateCodecs
{
    private final Map<Class<?>, Codec<?>> byClass = new ConcurrentHashMap<>();
    private final Map<String, Codec<?>> byName = new ConcurrentHashMap<>();

    /** Registers {@code codec} for values whose class is exactly {@code type}. */
    public <T> void register(final Class<T> type, final Codec<T> codec)
    {
        byClass.put(type, codec);
        byName.put(type.getName(), codec);
    }

    /** Writes {@code value}, tagged. */
    public void write(final Object value, final DataOutput out) throws IOException
    {
        if (value == null)
        {
            out.writeByte(0);
        }
        else if (value instanceof String s)
        {
            out.writeByte(1);
            final byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        else if (value instanceof Long l)
        {
            out.writeByte(2);
            out.writeLong(l);
        }
        else if (value instanceof Integer i)
        {
            out.writeByte(3);
            out.writeInt(i);
        }
        else if (value instanceof Double d)
        {
            out.writeByte(4);
            out.writeDouble(d);
        }
        else if (value instanceof Boolean b)
        {
            out.writeByte(5);
            out.writeBoolean(b);
        }
        else if (value instanceof byte[] bytes)
        {
            out.writeByte(6);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        else if (value instanceof Pair<?, ?> pair)
        {
            out.writeByte(7);
            write(pair.key(), out);
            write(pair.value(), out);
        }
        else if (value instanceof List<?> list)
        {
            out.writeByte(8);
            out.writeInt(list.size());
            for (final Object element : list)
            {
                write(element, out);
            }
        }
        else if (value instanceof Float f)
        {
            out.writeByte(9);
            out.writeFloat(f);
        }
        else if (value instanceof Short s)
        {
            out.writeByte(10);
            out.writeShort(s);
        }
        else if (value instanceof Byte b)
        {
            out.writeByte(11);
            out.writeByte(b);
        }
        else if (value instanceof Character c)
        {
            out.writeByte(12);
            out.writeChar(c);
        }
        else if (value instanceof Optional<?> optional)
        {
            out.writeByte(13);
            write(optional.orElse(null), out);
        }
        else if (value instanceof Map<?, ?> map)
        {
            out.writeByte(14);
            out.writeInt(map.size());
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                write(entry.getKey(), out);
                write(entry.getValue(), out);
            }
        }
        else
        {
            writeWithCodec(value, out);
        }
    }

    @SuppressWarnings("unchecked")
    private void writeWithCodec(final Object value, final DataOutput out) throws IOException
    {
        final Codec<Object> codec = (Codec<Object>)byClass.get(value.getClass());
        if (codec == null)
        {
            throw new IllegalStateException("state of type " + value.getClass().getName() + " cannot be written to a "
                + "snapshot: register a Codec for it with StreamingContext.registerStateCodec(" + value.getClass()
                .getSimpleName() + ".class, codec) before start (built in: String, boxed primitives, byte[], Pair, "
                + "List, Map, Optional)");
        }
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        int length;
        while ((length = codec.encode(value, buffer, 0, buffer.capacity())) < 0)
        {
            buffer.checkLimit(buffer.capacity() * 2);
        }
        out.writeByte(15);
        out.writeUTF(value.getClass().getName());
        out.writeInt(length);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        out.write(bytes);
    }

    /** Reads a value {@link #write} wrote. */
    public Object read(final DataInput in) throws IOException
    {
        final int tag = in.readByte();
        switch (tag)
        {
            case 0:
                return null;
            case 1:
            {
                final byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case 2:
                return in.readLong();
            case 3:
                return in.readInt();
            case 4:
                return in.readDouble();
            case 5:
                return in.readBoolean();
            case 6:
            {
                final byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                return bytes;
            }
            case 7:
                return Pair.of(read(in), read(in));
            case 8:
            {
                final int size = in.readInt();
                final List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++)
                {
                    list.add(read(in));
                }
                return list;
            }
            case 9:
                return in.readFloat();
            case 10:
                return in.readShort();
            case 11:
                return in.readByte();
            case 12:
                return in.readChar();
            case 13:
                return Optional.ofNullable(read(in));
            case 14:
            {
                final int size = in.readInt();
                final Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++)
                {
                    map.put(read(in), read(in));
                }
                return map;
            }
            case 15:
            {
                final String type = in.readUTF();
                final byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                final Codec<?> codec = byName.get(type);
                if (codec == null)
                {
                    throw new IllegalStateException("the snapshot holds state of type " + type + " written with a "
                        + "registered Codec: register the same Codec with StreamingContext.registerStateCodec before "
                        + "start");
                }
                return codec.decode(new UnsafeBuffer(bytes), 0, bytes.length);
            }
            default:
                throw new IllegalStateException("unknown state value tag " + tag + " in the snapshot: written by a "
                    + "newer Sluice?");
        }
    }
}
