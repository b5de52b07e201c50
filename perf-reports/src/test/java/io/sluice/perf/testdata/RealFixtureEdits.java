package io.sluice.perf.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Crafted candidates derived from the real fixture by editing its JSON tree, so everything except the edited
 * numbers is genuine JMH output.
 */
public final class RealFixtureEdits
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RealFixtureEdits()
    {
    }

    /**
     * Halves every score and raw value of {@code fastutilAddTo distinctKeys=1000} and renames
     * {@code boxedHashMap distinctKeys=10000} to {@code boxedHashMapRenamed} (present in one run only).
     *
     * @param fixture the fixture's JSON text
     * @return the edited JSON text
     */
    public static String halveFastutil1000(final String fixture)
    {
        try
        {
            final ArrayNode root = (ArrayNode) MAPPER.readTree(fixture);
            for (final JsonNode entry : root)
            {
                final String benchmark = entry.get("benchmark").asText();
                final String keys = entry.path("params").path("distinctKeys").asText();
                if (benchmark.endsWith("fastutilAddTo") && "1000".equals(keys))
                {
                    final ObjectNode primary = (ObjectNode) entry.get("primaryMetric");
                    primary.put("score", primary.get("score").asDouble() / 2);
                    primary.put("scoreError", primary.get("scoreError").asDouble() / 2);
                    for (final JsonNode fork : primary.get("rawData"))
                    {
                        final ArrayNode iterations = (ArrayNode) fork;
                        for (int i = 0; i < iterations.size(); i++)
                        {
                            iterations.set(i, MAPPER.getNodeFactory().numberNode(iterations.get(i).asDouble() / 2));
                        }
                    }
                }
                if (benchmark.endsWith("boxedHashMap") && "10000".equals(keys))
                {
                    ((ObjectNode) entry).put("benchmark", benchmark + "Renamed");
                }
            }
            return MAPPER.writeValueAsString(root);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
