package io.sluice.internal.log;

import org.agrona.DirectBuffer;

/**
 * Receives the records of a segment, one call per record, in the order they were appended.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * @param buffer a flyweight over the queue's mapped memory, reused for every call: valid only during the
     *               call, never to be kept.
     * @param offset where the record's encoded bytes start in {@code buffer}.
     * @param length how many encoded bytes.
     */
    void onRecord(DirectBuffer buffer, int offset, int length);
}
