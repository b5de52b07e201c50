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

/** Every corpus case of the per-batch operations has its own test, so the suite cannot drift from the corpus. */
class PerBatchCoverageTest
{
    private static final List<String> OPERATIONS = List.of("cogroup", "combineByKey", "countByValue", "filter",
        "flatMap", "flatMapValues", "foreachRDD", "fullOuterJoin", "glom", "groupByKey", "join", "leftOuterJoin", "map",
        "mapPartitions", "mapValues", "reduce", "reduceByKey", "repartition", "rightOuterJoin", "transform",
        "transformWith", "union");

    @Test
    void everyPerBatchCaseHasATestNamedAfterIt()
    {
        final Set<String> tested = new HashSet<>();
        for (final Class<?> suite : List.of(BasicOperationsConformanceTest.class, JavaApiConformanceTest.class))
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
        assertEquals(List.of(), missing, "cases without a test");
        assertEquals(cases, tested.size(), "tests without a case");
    }
}
