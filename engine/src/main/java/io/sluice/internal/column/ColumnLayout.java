package io.sluice.internal.column;

import io.sluice.api.Pair;
import io.sluice.internal.gen.DoubleVector;
import io.sluice.internal.gen.LongVector;

import java.util.ArrayList;
import java.util.List;

/**
 * How elements of type {@code T} lie in a {@link ColumnBatch}, both ways: {@link #materialize} makes the objects a
 * generic operator reads (the boundary where Strings and boxes are made), {@link #encode} puts objects a generic
 * operator produced into columns for a fast-path operator. Both allocate; neither runs on the fast path.
 */
public interface ColumnLayout<T>
{
    /** The selected rows of {@code batch} as objects, in order. */
    default List<T> materialize(final ColumnBatch batch)
    {
        return materialize(batch, Integer.MAX_VALUE);
    }

    /** The first {@code limit} selected rows of {@code batch} as objects, in order (for print). */
    List<T> materialize(ColumnBatch batch, int limit);

    /** All elements of {@code partitions}, in order, as one column batch (owned by the caller). */
    ColumnBatch encode(List<List<T>> partitions);

    /** One column of longs. */
    ColumnLayout<Long> LONGS = new ColumnLayout<>()
    {
        @Override
        public List<Long> materialize(final ColumnBatch batch, final int limit)
        {
            final LongVector values = batch.longs(0);
            final int size = Math.min(limit, batch.size());
            final List<Long> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++)
            {
                out.add(values.get(batch.row(i)));
            }
            return out;
        }

        @Override
        public ColumnBatch encode(final List<List<Long>> partitions)
        {
            final LongVector values = new LongVector(count(partitions));
            for (final List<Long> part : partitions)
            {
                for (final Long value : part)
                {
                    values.add(value);
                }
            }
            return ColumnBatch.of(values);
        }
    };

    /** One column of doubles. */
    ColumnLayout<Double> DOUBLES = new ColumnLayout<>()
    {
        @Override
        public List<Double> materialize(final ColumnBatch batch, final int limit)
        {
            final DoubleVector values = batch.doubles(0);
            final int size = Math.min(limit, batch.size());
            final List<Double> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++)
            {
                out.add(values.get(batch.row(i)));
            }
            return out;
        }

        @Override
        public ColumnBatch encode(final List<List<Double>> partitions)
        {
            final DoubleVector values = new DoubleVector(count(partitions));
            for (final List<Double> part : partitions)
            {
                for (final Double value : part)
                {
                    values.add(value);
                }
            }
            return ColumnBatch.of(values);
        }
    };

    /** One bytes column of UTF-8 text. */
    ColumnLayout<String> TEXT = new ColumnLayout<>()
    {
        @Override
        public List<String> materialize(final ColumnBatch batch, final int limit)
        {
            final BytesColumn text = batch.bytes(0);
            final int size = Math.min(limit, batch.size());
            final List<String> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++)
            {
                out.add(text.string(batch.row(i)));
            }
            return out;
        }

        @Override
        public ColumnBatch encode(final List<List<String>> partitions)
        {
            final int rows = count(partitions);
            final BytesColumn text = BytesColumn.allocate(rows, rows * 8);
            for (final List<String> part : partitions)
            {
                for (final String value : part)
                {
                    text.appendString(value);
                }
            }
            return ColumnBatch.of(text);
        }
    };

    /** Two long columns: keys, values. */
    ColumnLayout<Pair<Long, Long>> LONG_LONG_PAIRS = new ColumnLayout<>()
    {
        @Override
        public List<Pair<Long, Long>> materialize(final ColumnBatch batch, final int limit)
        {
            final LongVector keys = batch.longs(0);
            final LongVector values = batch.longs(1);
            final int size = Math.min(limit, batch.size());
            final List<Pair<Long, Long>> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++)
            {
                final int row = batch.row(i);
                out.add(Pair.of(keys.get(row), values.get(row)));
            }
            return out;
        }

        @Override
        public ColumnBatch encode(final List<List<Pair<Long, Long>>> partitions)
        {
            final int rows = count(partitions);
            final LongVector keys = new LongVector(rows);
            final LongVector values = new LongVector(rows);
            for (final List<Pair<Long, Long>> part : partitions)
            {
                for (final Pair<Long, Long> pair : part)
                {
                    keys.add(pair.key());
                    values.add(pair.value());
                }
            }
            return ColumnBatch.of(keys, values);
        }
    };

    /** A bytes key column (UTF-8) and a long value column. */
    ColumnLayout<Pair<String, Long>> STRING_LONG_PAIRS = new ColumnLayout<>()
    {
        @Override
        public List<Pair<String, Long>> materialize(final ColumnBatch batch, final int limit)
        {
            final BytesColumn keys = batch.bytes(0);
            final LongVector values = batch.longs(1);
            final int size = Math.min(limit, batch.size());
            final List<Pair<String, Long>> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++)
            {
                final int row = batch.row(i);
                out.add(Pair.of(keys.string(row), values.get(row)));
            }
            return out;
        }

        @Override
        public ColumnBatch encode(final List<List<Pair<String, Long>>> partitions)
        {
            final int rows = count(partitions);
            final BytesColumn keys = BytesColumn.allocate(rows, rows * 8);
            final LongVector values = new LongVector(rows);
            for (final List<Pair<String, Long>> part : partitions)
            {
                for (final Pair<String, Long> pair : part)
                {
                    keys.appendString(pair.key());
                    values.add(pair.value());
                }
            }
            return ColumnBatch.of(keys, values);
        }
    };

    private static <T> int count(final List<List<T>> partitions)
    {
        long rows = 0;
        for (final List<T> part : partitions)
        {
            rows += part.size();
        }
        return (int)Math.min(Integer.MAX_VALUE - 8, Math.max(16, rows));
    }
}
