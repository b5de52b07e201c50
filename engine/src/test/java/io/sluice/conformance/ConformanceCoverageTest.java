package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.LifecycleConformanceTest;
import io.sluice.api.QueueStreamTest;
import io.sluice.api.StreamingListenerTest;
import io.sluice.api.WordCountTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every case of shared/conformance/spark-cases-public.json has a test whose display name is the case's name, so the
 * suites cannot drift from the corpus.
 */
class ConformanceCoverageTest
{
    private static final List<Class<?>> SUITES = List.of(BasicOperationsConformanceTest.class,
        JavaApiConformanceTest.class, WindowConformanceTest.class, StateConformanceTest.class,
        RateEstimatorConformanceTest.class, LifecycleConformanceTest.class, QueueStreamTest.class,
        StreamingListenerTest.class, WordCountTest.class);

    @Test
    void everyCaseHasATestNamedAfterIt()
    {
        final Set<String> tested = new HashSet<>();
        for (final Class<?> suite : SUITES)
        {
            for (final Method method : suite.getDeclaredMethods())
            {
                final DisplayName name = method.getAnnotation(DisplayName.class);
                if (name != null && method.isAnnotationPresent(Test.class))
                {
                    tested.add(name.value());
                }
            }
        }
        final List<String> missing = new ArrayList<>();
        for (final JsonNode c : ConformanceCases.all())
        {
            if (!tested.contains(c.get("name").asText()))
            {
                missing.add(c.get("operation").asText() + ": " + c.get("name").asText());
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(80, ConformanceCases.all().size(), "cases in the corpus");
    }
}
