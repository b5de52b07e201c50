package io.sluice.internal.memory;

import org.agrona.UnsafeApi;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one allocator through which every byte of off-heap memory in Sluice is taken and given back.
 * It counts what is live so tests (and operators' leak checks) can assert that a stopped context
 * returned everything.
 *
 * <p>Thread-safe: any thread may allocate or free. Allocation allocates no heap object.
 * Memory is not zeroed unless {@link #allocateZeroed(long)} is used.
 */
public final class OffHeapAllocator
{
    private static final AtomicLong LIVE_BYTES = new AtomicLong();
    private static final AtomicLong LIVE_ALLOCATIONS = new AtomicLong();

    private OffHeapAllocator()
    {
    }

    /**
     * @param bytes how many bytes, greater than zero.
     * @return the address of the new block; give it back with {@link #free(long, long)} and the same size.
     */
    public static long allocate(final long bytes)
    {
        if (bytes <= 0)
        {
            throw new IllegalArgumentException("off-heap allocation must be > 0 bytes, was " + bytes);
        }
        final long address = UnsafeApi.allocateMemory(bytes);
        LIVE_BYTES.addAndGet(bytes);
        LIVE_ALLOCATIONS.incrementAndGet();
        return address;
    }

    public static long allocateZeroed(final long bytes)
    {
        final long address = allocate(bytes);
        UnsafeApi.setMemory(address, bytes, (byte)0);
        return address;
    }

    /**
     * Grows or shrinks a block, keeping its first {@code min(oldBytes, newBytes)} bytes.
     */
    public static long reallocate(final long address, final long oldBytes, final long newBytes)
    {
        if (newBytes <= 0)
        {
            throw new IllegalArgumentException("off-heap reallocation must be > 0 bytes, was " + newBytes);
        }
        final long newAddress = UnsafeApi.reallocateMemory(address, newBytes);
        LIVE_BYTES.addAndGet(newBytes - oldBytes);
        return newAddress;
    }

    /**
     * @param address a block from {@link #allocate(long)}; 0 is ignored so callers can free unconditionally.
     * @param bytes   the size it was allocated (or last reallocated) with.
     */
    public static void free(final long address, final long bytes)
    {
        if (address == 0)
        {
            return;
        }
        UnsafeApi.freeMemory(address);
        LIVE_BYTES.addAndGet(-bytes);
        LIVE_ALLOCATIONS.decrementAndGet();
    }

    /** Bytes allocated and not yet freed, across the JVM. */
    public static long liveBytes()
    {
        return LIVE_BYTES.get();
    }

    /** Blocks allocated and not yet freed, across the JVM. */
    public static long liveAllocations()
    {
        return LIVE_ALLOCATIONS.get();
    }
}
