package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every window/state case of the corpus has a test named after it in WindowConformanceTest or StateConformanceTest. */
class CaseCoverageTest
{
    private static final List<String> OPERATIONS = List.of("countByValueAndWindow", "countByWindow",
        "groupByKeyAndWindow", "mapWithState", "mapWithStateCheckpointDuration", "mapWithStateRDDChain",
        "mapWithStateRecordUpdate", "mapWithStateTimeout", "reduceByKeyAndWindow", "reduceByKeyAndWindowInv",
        "reduceByKeyAndWindowInvFilter", "reduceByWindow", "reduceByWindowInv", "rememberDuration", "slice", "stateApi",
        "stateMap", "updateStateByKey", "window", "windowPersistence");

    @Test
    void everyWindowAndStateCaseHasATest()
    {
        final Set<String> tested = new HashSet<>();
        for (final Class<?> suite : List.of(WindowConformanceTest.class, StateConformanceTest.class))
        {
            for (final Method method : suite.getDeclaredMethods())
            {
                final DisplayName name = method.getAnnotation(DisplayName.class);
                if (name != null)
                {
                    tested.add(name.value());
                }
            }
        }
        final List<String> missing = new ArrayList<>();
        int cases = 0;
        for (final String operation : OPERATIONS)
        {
            for (final JsonNode c : ConformanceCases.byOperation(operation))
            {
                cases++;
                if (!tested.contains(c.get("name").asText()))
                {
                    missing.add(c.get("name").asText());
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(33, cases, "the corpus's window/state cases");
    }
}
