package io.sluice.internal.column;

import io.sluice.api.LongBatch;
import io.sluice.api.LongDoubleBatch;
import io.sluice.api.LongLongBatch;
import io.sluice.api.StringLongBatch;
import io.sluice.api.TextBatch;
import io.sluice.api.Time;
import io.sluice.internal.gen.IntVector;
import org.agrona.UnsafeApi;

/**
 * The flyweights behind the public batch views ({@link LongBatch}, {@link LongLongBatch}, {@link TextBatch},
 * {@link StringLongBatch}): one instance per output operation, re-wrapped over each batch's columns, so handing a
 * batch to user code allocates one {@link Time} per batch and nothing per record.
 */
public final class BatchFlyweights
{
    private BatchFlyweights()
    {
    }

    /**
     * Shared state: the wrapped batch, its selection and time.
     *
     * @param <F> the flyweight itself, which {@link #wrap} returns
     */
    public abstract static class Base<F extends Base<F>>
    {
        ColumnBatch batch;
        long selectionAddress;
        int size;
        Time time;

        /** Views {@code batch}'s columns (laid out as the flyweight expects) at {@code time}; returns this. */
        public abstract F wrap(ColumnBatch batch, Time time);

        final void wrapBatch(final ColumnBatch batch, final Time time)
        {
            this.batch = batch;
            final IntVector selection = batch.selection();
            this.selectionAddress = selection == null ? 0 : selection.address();
            this.size = batch.size();
            this.time = time;
        }

        final long row(final int i)
        {
            if (i < 0 || i >= size)
            {
                throw new IndexOutOfBoundsException("index " + i + " outside [0, " + size + ")");
            }
            return selectionAddress == 0 ? i : UnsafeApi.getInt(selectionAddress + ((long)i << 2));
        }

        public final Time time()
        {
            return time;
        }

        public final int size()
        {
            return size;
        }

        /** Drops the batch so a kept reference fails instead of reading freed memory. */
        public final void unwrap()
        {
            batch = null;
            size = 0;
            selectionAddress = 0;
        }
    }

    public static final class LongFlyweight extends Base<LongFlyweight> implements LongBatch
    {
        private long values;

        @Override
        public LongFlyweight wrap(final ColumnBatch batch, final Time time)
        {
            wrapBatch(batch, time);
            values = batch.longs(0).address();
            return this;
        }

        @Override
        public long get(final int i)
        {
            return UnsafeApi.getLong(values + (row(i) << 3));
        }
    }

    public static final class LongLongFlyweight extends Base<LongLongFlyweight> implements LongLongBatch
    {
        private long keys;
        private long values;

        @Override
        public LongLongFlyweight wrap(final ColumnBatch batch, final Time time)
        {
            wrapBatch(batch, time);
            keys = batch.longs(0).address();
            values = batch.longs(1).address();
            return this;
        }

        @Override
        public long key(final int i)
        {
            return UnsafeApi.getLong(keys + (row(i) << 3));
        }

        @Override
        public long value(final int i)
        {
            return UnsafeApi.getLong(values + (row(i) << 3));
        }
    }

    public static final class LongDoubleFlyweight extends Base<LongDoubleFlyweight> implements LongDoubleBatch
    {
        private long keys;
        private long values;

        @Override
        public LongDoubleFlyweight wrap(final ColumnBatch batch, final Time time)
        {
            wrapBatch(batch, time);
            keys = batch.longs(0).address();
            values = batch.doubles(1).address();
            return this;
        }

        @Override
        public long key(final int i)
        {
            return UnsafeApi.getLong(keys + (row(i) << 3));
        }

        @Override
        public double value(final int i)
        {
            return UnsafeApi.getDouble(values + (row(i) << 3));
        }
    }

    public static final class TextFlyweight extends Base<TextFlyweight> implements TextBatch
    {
        private BytesColumn text;

        @Override
        public TextFlyweight wrap(final ColumnBatch batch, final Time time)
        {
            wrapBatch(batch, time);
            text = batch.bytes(0);
            return this;
        }

        @Override
        public int length(final int i)
        {
            return text.length((int)row(i));
        }

        @Override
        public byte byteAt(final int i, final int index)
        {
            final int row = (int)row(i);
            final int length = text.length(row);
            if (index < 0 || index >= length)
            {
                throw new IndexOutOfBoundsException("byte " + index + " outside [0, " + length + ")");
            }
            return UnsafeApi.getByte(text.address(row) + index);
        }

        @Override
        public String string(final int i)
        {
            return text.string((int)row(i));
        }
    }

    public static final class StringLongFlyweight extends Base<StringLongFlyweight> implements StringLongBatch
    {
        private BytesColumn keys;
        private long values;

        @Override
        public StringLongFlyweight wrap(final ColumnBatch batch, final Time time)
        {
            wrapBatch(batch, time);
            keys = batch.bytes(0);
            values = batch.longs(1).address();
            return this;
        }

        @Override
        public String key(final int i)
        {
            return keys.string((int)row(i));
        }

        @Override
        public int keyLength(final int i)
        {
            return keys.length((int)row(i));
        }

        @Override
        public long value(final int i)
        {
            return UnsafeApi.getLong(values + (row(i) << 3));
        }
    }
}
