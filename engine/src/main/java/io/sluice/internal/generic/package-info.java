/**
 * The generic path: DStream operators over Java objects (boxed), one node per operator, computing
 * {@link io.sluice.internal.graph.BatchData} partitions. It defines Spark's semantics; the columnar path must
 * give the same answers.
 */
package io.sluice.internal.generic;
