package io.sluice.internal.log;

import org.agrona.DirectBuffer;

/**
 * Receives the blocks of a segment whole (layout in {@link BlockDescriptor}), one call per Chronicle document, in
 * append order: for decoders that copy a block at once instead of record by record.
 */
@FunctionalInterface
public interface BlockHandler
{
    /**
     * @param block  a flyweight over the queue's mapped memory, reused for every call: valid only during the call.
     * @param length the block's length in bytes, header included.
     */
    void onBlock(DirectBuffer block, int length);
}
