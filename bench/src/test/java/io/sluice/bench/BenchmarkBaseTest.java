package io.sluice.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class BenchmarkBaseTest
{
    @Test
    void chronicleFlagsMatchTheParentPom()
    {
        final String fromPom = System.getProperty("sluice.jvm.flags");
        assertNotNull(fromPom, "Surefire passes the parent POM's sluice.jvm.flags (see bench/pom.xml)");
        final List<String> expected = Arrays.asList(fromPom.trim().split("\\s+"));
        assertEquals(expected, Arrays.asList(BenchmarkBase.CHRONICLE_JVM_FLAGS));

        final List<String> forkFlags = Arrays.asList(BenchmarkBase.class.getAnnotation(Fork.class).jvmArgsAppend());
        assertEquals(expected, forkFlags.subList(0, expected.size()), "the @Fork flags start with the same flags");
    }
}
