package io.sluice.api;

import java.util.List;

/**
 * The data one DStream produced for one batch time (Spark's RDD of that time). Iterating it or calling
 * {@link #collect()} may compute it; it is valid only inside the output operation or transform function
 * it was handed to.
 */
public interface Batch<T> extends Iterable<T>
{
    /** The batch time this data belongs to. */
    Time time();

    /** How many elements the batch holds (computing it if needed). */
    long count();

    /** All elements, partitions concatenated in index order; the list is not modifiable. */
    List<T> collect();
}
