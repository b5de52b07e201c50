/**
 * The columnar fast path's operators: each is one final node class whose batch is a
 * {@link io.sluice.internal.column.ColumnBatch}, computed by one tight loop (a static kernel over addresses and
 * counts) over its parent's columns. A fast-path operator reading a generic parent gets the parent's objects
 * encoded into columns once ({@link io.sluice.internal.graph.BatchData#columns}); a generic operator reading a
 * fast-path parent gets objects materialized once. Batches are computed once per batch time and kept until the
 * graph forgets them, when their off-heap memory is freed.
 */
package io.sluice.internal.operator;
