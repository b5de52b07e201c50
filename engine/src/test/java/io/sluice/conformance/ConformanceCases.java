package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases copied from Spark's own test suites (src/test/resources/conformance/spark-cases-public.json, a copy of
 * shared/conformance): input and expected output per batch, or lifecycle steps.
 */
public final class ConformanceCases
{
    private static final JsonNode ROOT = load();

    private ConformanceCases()
    {
    }

    private static JsonNode load()
    {
        try (InputStream in = ConformanceCases.class.getResourceAsStream("/conformance/spark-cases-public.json"))
        {
            if (in == null)
            {
                throw new IllegalStateException("conformance/spark-cases-public.json missing from test resources");
            }
            return new ObjectMapper().readTree(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The case with this exact name; fails if there is none (so a test cannot drift from the corpus). */
    public static JsonNode byName(final String name)
    {
        for (final JsonNode c : ROOT.get("cases"))
        {
            if (c.get("name").asText().equals(name))
            {
                return c;
            }
        }
        throw new IllegalArgumentException("no conformance case named '" + name + "'");
    }

    /** Every case, in corpus order. */
    public static List<JsonNode> all()
    {
        final List<JsonNode> all = new ArrayList<>();
        ROOT.get("cases").forEach(all::add);
        return all;
    }

    public static List<JsonNode> byOperation(final String operation)
    {
        final List<JsonNode> found = new ArrayList<>();
        for (final JsonNode c : ROOT.get("cases"))
        {
            if (c.get("operation").asText().equals(operation))
            {
                found.add(c);
            }
        }
        return found;
    }
}
