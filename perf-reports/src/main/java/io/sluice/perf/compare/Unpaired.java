package io.sluice.perf.compare;

import io.sluice.perf.model.BenchmarkKey;

/**
 * A result present on one side of a comparison only: reported with a warning, never given a verdict.
 *
 * @param key         the result's key
 * @param presentIn   {@code baseline} or {@code candidate}
 * @param explanation what the other side has instead, e.g. {@code candidate has: distinctKeys=5000}
 */
public record Unpaired(BenchmarkKey key, String presentIn, String explanation)
{
}
