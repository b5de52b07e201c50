package io.sluice.internal.column;

import io.sluice.internal.gen.DoubleVector;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;

/**
 * One partition of a batch in columns: equally long columns ({@link LongVector}, {@link IntVector},
 * {@link DoubleVector}, {@link BytesColumn}), an optional validity bitmap per column, and an optional selection
 * vector naming the rows that are in the batch (a filter writes a selection instead of copying the columns).
 *
 * <pre>
 *   rows:        0    1    2    3    4
 *   column 0:  [ k0 | k1 | k2 | k3 | k4 ]   owned, or shared with the batch this one views
 *   column 1:  [ v0 | v1 | v2 | v3 | v4 ]
 *   selection: [ 1, 3, 4 ]                  null = every row; size() = 3 here
 * </pre>
 *
 * <p>Ownership: a batch frees on {@link #close()} the columns and selection it owns; a view
 * ({@link #withSelection}, {@link #viewOf}) shares its parent's columns and must be read only while the parent is
 * open. The graph closes a batch when it forgets it (clearMetadata) and on stop.
 *
 * <p>Not thread-safe: written by one job thread, then read-only.
 */
public final class ColumnBatch implements AutoCloseable
{
    private final AutoCloseable[] columns;
    private final boolean[] isOwned;
    private final ValidityBitmap[] validity;
    private final IntVector selection;
    private boolean isClosed;

    private ColumnBatch(final AutoCloseable[] columns, final boolean[] isOwned, final IntVector selection)
    {
        this.columns = columns;
        this.isOwned = isOwned;
        this.validity = new ValidityBitmap[columns.length];
        this.selection = selection;
    }

    /** A batch owning {@code columns} (all the same length), every row selected. */
    public static ColumnBatch of(final AutoCloseable... columns)
    {
        final boolean[] owned = new boolean[columns.length];
        java.util.Arrays.fill(owned, true);
        return new ColumnBatch(columns.clone(), owned, null);
    }

    /** A batch sharing {@code parent}'s columns, with {@code selection} (owned) naming its rows. */
    public static ColumnBatch withSelection(final ColumnBatch parent, final IntVector selection)
    {
        return new ColumnBatch(parent.columns.clone(), new boolean[parent.columns.length], selection);
    }

    /**
     * A batch made of columns taken from others, none owned except those flagged in {@code owned}: used where an
     * operator replaces one column (a map over values) and keeps the others.
     */
    public static ColumnBatch viewOf(final AutoCloseable[] columns, final boolean[] owned, final IntVector selection)
    {
        return new ColumnBatch(columns.clone(), owned.clone(), selection);
    }

    public int columnCount()
    {
        return columns.length;
    }

    /** Rows in the columns, selected or not. */
    public int physicalRows()
    {
        final AutoCloseable first = columns[0];
        if (first instanceof LongVector v)
        {
            return v.size();
        }
        if (first instanceof BytesColumn b)
        {
            return b.size();
        }
        if (first instanceof DoubleVector d)
        {
            return d.size();
        }
        if (first instanceof IntVector i)
        {
            return i.size();
        }
        throw new IllegalStateException("unknown column type " + first.getClass());
    }

    /** Rows in the batch: the selection's size, or every row. */
    public int size()
    {
        return selection == null ? physicalRows() : selection.size();
    }

    /** The selected rows in order, or {@code null} when every row is selected. */
    public IntVector selection()
    {
        return selection;
    }

    /** The physical row of the batch's {@code i}-th row. */
    public int row(final int i)
    {
        return selection == null ? i : selection.get(i);
    }

    public AutoCloseable column(final int index)
    {
        return columns[index];
    }

    public LongVector longs(final int index)
    {
        return (LongVector)columns[index];
    }

    public IntVector ints(final int index)
    {
        return (IntVector)columns[index];
    }

    public DoubleVector doubles(final int index)
    {
        return (DoubleVector)columns[index];
    }

    public BytesColumn bytes(final int index)
    {
        return (BytesColumn)columns[index];
    }

    /** The validity of column {@code index}, or {@code null} when every row is valid. */
    public ValidityBitmap validity(final int index)
    {
        return validity[index];
    }

    /** Gives column {@code index} a validity bitmap (the batch then owns it). */
    public void validity(final int index, final ValidityBitmap bitmap)
    {
        validity[index] = bitmap;
    }

    public boolean isClosed()
    {
        return isClosed;
    }

    /** Frees what this batch owns. Idempotent. */
    @Override
    public void close()
    {
        if (isClosed)
        {
            return;
        }
        isClosed = true;
        for (int i = 0; i < columns.length; i++)
        {
            if (isOwned[i])
            {
                closeQuietly(columns[i]);
            }
            if (validity[i] != null)
            {
                validity[i].close();
            }
        }
        if (selection != null)
        {
            selection.close();
        }
    }

    private static void closeQuietly(final AutoCloseable column)
    {
        try
        {
            column.close();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("closing a column failed", ex);
        }
    }
}
