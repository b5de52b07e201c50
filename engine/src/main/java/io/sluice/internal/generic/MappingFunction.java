package io.sluice.internal.generic;

import io.sluice.api.State;

import java.util.List;
import java.util.Optional;

/**
 * A {@code mapWithState} function in the one shape the node calls: it receives the batch time, the key, the value
 * ({@code Optional.empty()} on a timeout call) and the key's state, and appends what it maps to to {@code out}
 * (nothing, or one record).
 */
@FunctionalInterface
public interface MappingFunction<K, V, S, R>
{
    void apply(long timeMs, K key, Optional<V> value, State<S> state, List<R> out);
}
