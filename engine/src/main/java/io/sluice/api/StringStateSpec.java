package io.sluice.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fast twin of {@link StateSpec} for {@link StringLongPairDStream#mapWithState(StringStateSpec)}: the mapping
 * function, an optional idle timeout and optional initial states (stored at the first batch's time, the function not
 * called for them). Built on the user's thread before start; each method returns the spec.
 */
public final class StringStateSpec
{
    private final StringMappingFunction function;
    private Duration timeout;
    private final Map<String, Long> initialState = new LinkedHashMap<>();

    private StringStateSpec(final StringMappingFunction function)
    {
        this.function = Objects.requireNonNull(function, "function");
    }

    /** Generic twin: {@code StateSpec.function(f)}. */
    public static StringStateSpec function(final StringMappingFunction function)
    {
        return new StringStateSpec(function);
    }

    /** Generic twin: {@code StateSpec.timeout(d)}: keys idle strictly longer time out on checkpoint batches. */
    public StringStateSpec timeout(final Duration idle)
    {
        DStream.millis(idle, "timeout");
        this.timeout = idle;
        return this;
    }

    /** Generic twin: {@code StateSpec.initialState(map)} (copied now; keys must not be null). */
    public StringStateSpec initialState(final Map<String, Long> states)
    {
        Objects.requireNonNull(states, "states").forEach((key, state) ->
            initialState.put(Objects.requireNonNull(key, "initial state key"), state));
        return this;
    }

    StringMappingFunction function()
    {
        return function;
    }

    long timeoutMs()
    {
        return timeout == null ? 0 : timeout.toMillis();
    }

    /** The initial states' keys, in the map's order. */
    String[] initialKeys()
    {
        return initialState.keySet().toArray(new String[0]);
    }

    /** The initial states, in the map's order (index i is {@link #initialKeys()}[i]'s). */
    long[] initialValues()
    {
        return initialState.values().stream().mapToLong(Long::longValue).toArray();
    }
}
