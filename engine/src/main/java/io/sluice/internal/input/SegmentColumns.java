package io.sluice.internal.input;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.gen.DoubleVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.log.BlockDescriptor;
import io.sluice.internal.log.BlockHandler;
import io.sluice.internal.log.RecordHandler;
import io.sluice.internal.log.Segment;
import io.sluice.internal.log.SegmentReader;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

/**
 * Decodes a segment straight from Chronicle's mapped memory into a column batch, one record per row, for the
 * built-in codecs: {@code STRING} (UTF-8 bytes copied into a bytes column, never made into Strings), {@code LONG}
 * and {@code DOUBLE} (8 bytes into a vector). Each read allocates the batch's column objects and one handler, nothing
 * per record. On failure the partial columns are freed and the exception rethrown.
 */
public final class SegmentColumns
{
    private SegmentColumns()
    {
    }

    /** A bytes column of the segment's records. */
    public static ColumnBatch readText(final SegmentReader reader, final Segment segment)
    {
        final int rows = rowsOf(segment);
        final BytesColumn text = BytesColumn.allocate(rows, rows * 16);
        try
        {
            reader.readBlocks(segment, new TextBlockAppender(text));
        }
        catch (final RuntimeException | Error ex)
        {
            text.close();
            throw ex;
        }
        return ColumnBatch.of(text);
    }

    /** A long column of the segment's 8-byte records. */
    public static ColumnBatch readLongs(final SegmentReader reader, final Segment segment)
    {
        final LongVector values = new LongVector(rowsOf(segment));
        try
        {
            reader.read(segment, new LongAppender(values));
        }
        catch (final RuntimeException | Error ex)
        {
            values.close();
            throw ex;
        }
        return ColumnBatch.of(values);
    }

    /** A double column of the segment's 8-byte records. */
    public static ColumnBatch readDoubles(final SegmentReader reader, final Segment segment)
    {
        final DoubleVector values = new DoubleVector(rowsOf(segment));
        try
        {
            reader.read(segment, new DoubleAppender(values));
        }
        catch (final RuntimeException | Error ex)
        {
            values.close();
            throw ex;
        }
        return ColumnBatch.of(values);
    }

    private static int rowsOf(final Segment segment)
    {
        return (int)Math.min(segment.recordCount(), 1 << 24);
    }

    private static void checkLength(final int length, final int expected)
    {
        if (length != expected)
        {
            throw new IllegalStateException("corrupt record: " + expected + "-byte records expected, found " + length);
        }
    }

    /**
     * Copies each block's records area into the data region in one copy, then adds one slot per record pointing at
     * its bytes in that copy (the 4-byte length fields stay in the data, unused): one memory copy per block instead
     * of one per record.
     */
    private record TextBlockAppender(BytesColumn text) implements BlockHandler
    {
        @Override
        public void onBlock(final DirectBuffer block, final int blockLength)
        {
            final int count = block.getInt(BlockDescriptor.RECORD_COUNT_OFFSET);
            final int payload = blockLength - BlockDescriptor.HEADER_LENGTH;
            final int base = text.appendData(block.addressOffset() + BlockDescriptor.HEADER_LENGTH, payload);
            final long data = text.dataAddress();
            int position = 0;
            for (int i = 0; i < count; i++)
            {
                final int length = UnsafeApi.getInt(data + base + position);
                final int offset = position + BlockDescriptor.RECORD_LENGTH_FIELD_LENGTH;
                if (length < 0 || offset + length > payload)
                {
                    throw new IllegalStateException("corrupt block: record " + i + " of " + count + " has length "
                        + length + " at offset " + position + " in a block of " + blockLength + " bytes");
                }
                text.addSlice(base + offset, length);
                position = offset + length;
            }
        }
    }

    private record LongAppender(LongVector values) implements RecordHandler
    {
        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            checkLength(length, Long.BYTES);
            values.add(buffer.getLong(offset));
        }
    }

    private record DoubleAppender(DoubleVector values) implements RecordHandler
    {
        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            checkLength(length, Double.BYTES);
            values.add(buffer.getDouble(offset));
        }
    }
}
