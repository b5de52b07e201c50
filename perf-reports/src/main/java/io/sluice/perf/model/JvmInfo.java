package io.sluice.perf.model;

import java.util.List;
import java.util.Objects;

/**
 * The JVM a run used, as JMH records it. Two runs on different JVMs can still be compared, but every report
 * then says so.
 *
 * @param jdkVersion e.g. {@code 17.0.15}; empty when unknown (latency-harness input)
 * @param vmName     e.g. {@code OpenJDK 64-Bit Server VM}
 * @param vmVersion  e.g. {@code 17.0.15+6-Debian-1deb12u1}
 * @param jvmArgs    the forked JVMs' arguments
 */
public record JvmInfo(String jdkVersion, String vmName, String vmVersion, List<String> jvmArgs)
{
    /** For inputs that do not say which JVM ran them. */
    public static final JvmInfo UNKNOWN = new JvmInfo("", "", "", List.of());

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public JvmInfo
    {
        Objects.requireNonNull(jdkVersion, "jdkVersion");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(vmVersion, "vmVersion");
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * Whether anything is known.
     *
     * @return false for {@link #UNKNOWN}-like values
     */
    public boolean isKnown()
    {
        return !jdkVersion.isEmpty() || !vmVersion.isEmpty();
    }

    /**
     * One-line description, e.g. {@code JDK 17.0.15 (OpenJDK 64-Bit Server VM 17.0.15+6)}.
     *
     * @return the description, or {@code unknown JVM}
     */
    public String describe()
    {
        if (!isKnown())
        {
            return "unknown JVM";
        }
        return "JDK " + jdkVersion + " (" + vmName + " " + vmVersion + ")";
    }
}
