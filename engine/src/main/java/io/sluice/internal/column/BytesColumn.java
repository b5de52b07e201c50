package io.sluice.internal.column;

import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapAllocator;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A column of byte strings (UTF-8 text for strings): a data region and a slot per row (layout in
 * {@link BytesColumnDescriptor}). Off-heap through {@link OffHeapAllocator}; {@link #close()} gives back what this
 * column owns. A view ({@link #viewOf}) borrows another column's data and owns only its slots: it may be read only while
 * the column it views is open.
 *
 * <p>Not thread-safe: one job thread writes it, then it is read-only. {@link #append} and {@link #addSlice} allocate
 * nothing on the heap; {@link #string(int)} makes the String (only at the generic boundary and at output).
 */
public final class BytesColumn implements AutoCloseable
{
    private static final int MIN_DATA_CAPACITY = 256;

    /**
     * Bytes allocated past the data's capacity so kernels may load a whole 8-byte word at any value's last byte
     * (masking what lies beyond) instead of looping byte by byte over tails.
     */
    public static final int DATA_PADDING = 8;
    private static final long BYTE_ARRAY_BASE_OFFSET = UnsafeApi.arrayBaseOffset(byte[].class);

    private final LongVector slots;
    private final boolean isDataOwned;
    private long dataAddress;
    private int dataCapacity;
    private int dataSize;

    private BytesColumn(final int rows, final int dataBytes, final boolean isDataOwned, final long borrowedAddress,
        final int borrowedSize)
    {
        this.slots = new LongVector(rows);
        this.isDataOwned = isDataOwned;
        if (isDataOwned)
        {
            dataCapacity = Math.max(MIN_DATA_CAPACITY, dataBytes);
            dataAddress = OffHeapAllocator.allocate(dataCapacity + DATA_PADDING);
        }
        else
        {
            dataAddress = borrowedAddress;
            dataSize = borrowedSize;
            dataCapacity = borrowedSize;
        }
    }

    /** An empty column that owns its data, sized for about {@code rows} values of {@code dataBytes} in all. */
    public static BytesColumn allocate(final int rows, final int dataBytes)
    {
        return new BytesColumn(rows, dataBytes, true, 0, 0);
    }

    /** An empty column whose slots point into {@code data}'s bytes (which it does not own or copy). */
    public static BytesColumn viewOf(final BytesColumn data, final int rows)
    {
        return new BytesColumn(rows, 0, false, data.dataAddress, data.dataSize);
    }

    /** Copies {@code length} bytes of {@code buffer} at {@code offset} in as a new row. */
    public void append(final DirectBuffer buffer, final int offset, final int length)
    {
        final int at = reserve(length);
        UnsafeApi.copyMemory(buffer.byteArray(), buffer.addressOffset() + offset, null, dataAddress + at, length);
        slots.add(BytesColumnDescriptor.slot(at, length));
    }

    /**
     * Copies {@code length} raw bytes at {@code address} into the data region without adding a row, and returns the
     * offset they start at: a decoder copies a whole block at once, then adds its rows with {@link #addSlice}.
     */
    public int appendData(final long address, final int length)
    {
        final int at = reserve(length);
        UnsafeApi.copyMemory(address, dataAddress + at, length);
        return at;
    }

    /** Copies {@code length} bytes at {@code address} in as a new row. */
    public void appendFrom(final long address, final int length)
    {
        final int at = reserve(length);
        UnsafeApi.copyMemory(address, dataAddress + at, length);
        slots.add(BytesColumnDescriptor.slot(at, length));
    }

    /** Copies {@code length} bytes of {@code array} from {@code offset} in as a new row. */
    public void appendFromArray(final byte[] array, final int offset, final int length)
    {
        final int at = reserve(length);
        UnsafeApi.copyMemory(array, BYTE_ARRAY_BASE_OFFSET + offset, null, dataAddress + at, length);
        slots.add(BytesColumnDescriptor.slot(at, length));
    }

    /** Copies the bytes of {@code value} in (UTF-8) as a new row. Allocates (the encoding); boundary use only. */
    public void appendString(final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        final int at = reserve(bytes.length);
        UnsafeApi.copyMemory(bytes, BYTE_ARRAY_BASE_OFFSET, null, dataAddress + at, bytes.length);
        slots.add(BytesColumnDescriptor.slot(at, bytes.length));
    }

    /** Adds a row that is {@code length} bytes of the data region at {@code offset} (views and owners alike). */
    public void addSlice(final int offset, final int length)
    {
        slots.add(BytesColumnDescriptor.slot(offset, length));
    }

    public int size()
    {
        return slots.size();
    }

    /** The slots, for kernels: {@code size()} longs at {@code slots().address()}. */
    public LongVector slots()
    {
        return slots;
    }

    public long dataAddress()
    {
        return dataAddress;
    }

    public int dataSize()
    {
        return dataSize;
    }

    public long slot(final int row)
    {
        return slots.get(row);
    }

    public int length(final int row)
    {
        return BytesColumnDescriptor.length(slots.get(row));
    }

    /** The address of row {@code row}'s first byte. */
    public long address(final int row)
    {
        return dataAddress + BytesColumnDescriptor.offset(slots.get(row));
    }

    /** Row {@code row} decoded as UTF-8, exactly as {@code Codecs.STRING} decodes it. Allocates the String. */
    public String string(final int row)
    {
        final long slot = slots.get(row);
        final int length = BytesColumnDescriptor.length(slot);
        if (length == 0)
        {
            return "";
        }
        final UnsafeBuffer view = new UnsafeBuffer(dataAddress + BytesColumnDescriptor.offset(slot), length);
        return view.getStringWithoutLengthUtf8(0, length);
    }

    /** Empties the column, keeping its memory. */
    public void clear()
    {
        slots.clear();
        if (isDataOwned)
        {
            dataSize = 0;
        }
    }

    @Override
    public void close()
    {
        slots.close();
        if (isDataOwned)
        {
            OffHeapAllocator.free(dataAddress, dataCapacity + DATA_PADDING);
        }
        dataAddress = 0;
        dataCapacity = 0;
        dataSize = 0;
    }

    private int reserve(final int length)
    {
        if (!isDataOwned)
        {
            throw new IllegalStateException("a view column cannot take new bytes; use addSlice");
        }
        final int at = dataSize;
        final long needed = (long)at + length;
        if (needed > Integer.MAX_VALUE)
        {
            throw new IllegalStateException("a bytes column holds at most 2 GiB of data");
        }
        if (needed > dataCapacity)
        {
            long newCapacity = dataCapacity;
            while (newCapacity < needed)
            {
                newCapacity <<= 1;
            }
            newCapacity = Math.min(newCapacity, Integer.MAX_VALUE - DATA_PADDING);
            dataAddress = OffHeapAllocator.reallocate(dataAddress, dataCapacity + DATA_PADDING, newCapacity + DATA_PADDING);
            dataCapacity = (int)newCapacity;
        }
        dataSize = (int)needed;
        return at;
    }
}
