package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.Pair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads conformance-case JSON into Java values and compares output batches the way the case says. */
final class CaseData
{
    private CaseData()
    {
    }

    /** A list of batches; a JSON null batch stays {@code null} (no batch). */
    static <T> List<List<T>> batches(final JsonNode batches, final Function<JsonNode, T> element)
    {
        final List<List<T>> out = new ArrayList<>();
        for (final JsonNode batch : batches)
        {
            if (batch.isNull())
            {
                out.add(null);
                continue;
            }
            final List<T> elements = new ArrayList<>();
            batch.forEach(e -> elements.add(element.apply(e)));
            out.add(elements);
        }
        return out;
    }

    /** The elements of one batch. */
    static <T> List<T> elements(final JsonNode batch, final Function<JsonNode, T> element)
    {
        final List<T> elements = new ArrayList<>();
        batch.forEach(e -> elements.add(element.apply(e)));
        return elements;
    }

    static Integer integer(final JsonNode node)
    {
        return node.asInt();
    }

    static Long longValue(final JsonNode node)
    {
        return node.asLong();
    }

    static String string(final JsonNode node)
    {
        return node.asText();
    }

    static Pair<String, Integer> stringInt(final JsonNode node)
    {
        return Pair.of(node.get(0).asText(), node.get(1).asInt());
    }

    static Pair<String, Long> stringLong(final JsonNode node)
    {
        return Pair.of(node.get(0).asText(), node.get(1).asLong());
    }

    static Map<String, Integer> stringIntMap(final JsonNode pairs)
    {
        final Map<String, Integer> map = new LinkedHashMap<>();
        pairs.forEach(p -> map.put(p.get(0).asText(), p.get(1).asInt()));
        return map;
    }

    static int param(final JsonNode spec, final String name)
    {
        return spec.get("params").get(name).asInt();
    }

    /** Spark's windowed-test rule: len(expected) * slide / batch, unless params.numBatches is given. */
    static int numBatches(final JsonNode spec)
    {
        final JsonNode params = spec.get("params");
        if (params.has("numBatches"))
        {
            return params.get("numBatches").asInt();
        }
        if (params.has("slideMs"))
        {
            return spec.get("expected").size() * params.get("slideMs").asInt() / params.get("batchMs").asInt();
        }
        return spec.get("expected").size();
    }

    /**
     * Same number of batches; each batch equal as a list when the case is ordered, else as a multiset (stricter than
     * Spark's set comparison: duplicates must match too).
     */
    static <T> void assertBatches(final JsonNode spec, final List<List<T>> expected, final List<List<T>> actual)
    {
        assertEquals(expected.size(), actual.size(), () -> "number of output batches; got " + actual);
        final boolean isOrdered = spec.get("ordered").asBoolean();
        for (int i = 0; i < expected.size(); i++)
        {
            final int index = i;
            if (isOrdered)
            {
                assertEquals(expected.get(i), actual.get(i), () -> "batch " + index);
            }
            else
            {
                assertEquals(multiset(expected.get(i)), multiset(actual.get(i)),
                    () -> "batch " + index + " as a multiset: expected " + expected.get(index) + ", got "
                        + actual.get(index));
            }
        }
    }

    static <T> Map<T, Integer> multiset(final List<T> elements)
    {
        final Map<T, Integer> counts = new HashMap<>();
        for (final T element : elements)
        {
            counts.merge(element, 1, Integer::sum);
        }
        return counts;
    }
}
