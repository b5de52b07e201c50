/**
 * The column batch format of the fast path, and how it shares one engine with the generic path.
 *
 * <ul>
 *   <li>{@link io.sluice.internal.column.ColumnBatch}: one partition as equally long columns (generated
 *   {@code LongVector}/{@code IntVector}/{@code DoubleVector}, {@link io.sluice.internal.column.BytesColumn} for
 *   UTF-8 text), optional {@link io.sluice.internal.column.ValidityBitmap}s, an optional selection vector; views share
 *   their parent's columns and own only what they add.</li>
 *   <li>{@link io.sluice.internal.column.ColumnLayout}: how the elements of a {@code Node<T>} lie in columns (LONGS,
 *   DOUBLES, TEXT, LONG_LONG_PAIRS, LONG_DOUBLE_PAIRS, STRING_LONG_PAIRS), both ways: materialize objects for a generic
 *   reader, encode objects for a fast-path reader.</li>
 *   <li>One engine: every node is a {@code Node<T>} in the same graph, scheduler and segments. A
 *   {@link io.sluice.internal.graph.BatchData} is backed by objects (the generic path's "object column": a list per
 *   partition) or by a ColumnBatch; either side reads the other through the layout, once per batch. Receiver inputs
 *   with the built-in STRING/LONG/DOUBLE codecs decode segments straight into columns.</li>
 *   <li>Lifecycle: a columnar batch is computed once and owned by its BatchData; the node releases it (freeing the
 *   off-heap memory through {@code OffHeapAllocator}) when the graph forgets it in clearMetadata, and
 *   {@code Graph.releaseAll()} frees every batch when the context stops. Parents are remembered at least as long as
 *   their children, so a view never outlives the columns it reads.</li>
 *   <li>{@link io.sluice.internal.column.BatchFlyweights}: the public batch views handed to fast-path
 *   {@code foreachBatch}, valid only during the call.</li>
 * </ul>
 */
package io.sluice.internal.column;
