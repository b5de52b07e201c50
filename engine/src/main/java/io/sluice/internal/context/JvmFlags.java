package io.sluice.internal.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM flags Sluice needs on JDK 17+ (Chronicle Queue and Agrona reach into JDK internals), checked when a context
 * is built so a missing one fails with a message that lists them all, not with Agrona's raw
 * {@code IllegalAccessError} at {@code start()}. The one list in code: the build's {@code sluice.jvm.flags}, the
 * argument files {@code engine/sluice.jvm.args} and {@code engine/sluice-jdk24.jvm.args} and the README are checked
 * against it by a test.
 */
public final class JvmFlags
{
    /** {@code module/package} pairs that must be exported to Sluice's (unnamed) module. */
    private static final String[][] EXPORTS = {
        {"java.base", "jdk.internal.ref"}, {"java.base", "jdk.internal.misc"}, {"java.base", "sun.nio.ch"},
        {"jdk.unsupported", "sun.misc"}};
    /** {@code module/package} pairs that must be open to it. */
    private static final String[][] OPENS = {
        {"java.base", "java.lang"}, {"java.base", "java.lang.reflect"}, {"java.base", "java.io"},
        {"java.base", "java.util"}};

    /** The README section that explains them. */
    public static final String README_SECTION = "README \"Embedding: JVM flags\"";

    private JvmFlags()
    {
    }

    /** Every flag, in the order of the argument file (JDK 17 to 23). */
    public static List<String> all()
    {
        final List<String> flags = new ArrayList<>();
        for (final String[] e : EXPORTS)
        {
            flags.add("--add-exports=" + e[0] + "/" + e[1] + "=ALL-UNNAMED");
        }
        for (final String[] o : OPENS)
        {
            flags.add("--add-opens=" + o[0] + "/" + o[1] + "=ALL-UNNAMED");
        }
        flags.add("--enable-native-access=ALL-UNNAMED");
        flags.add("-Dchronicle.analytics.disable=true");
        return flags;
    }

    /** The exports and opens this JVM lacks for Sluice's module (empty when all are there). */
    public static List<String> missing()
    {
        final Module sluice = JvmFlags.class.getModule();
        final List<String> missing = new ArrayList<>();
        for (final String[] e : EXPORTS)
        {
            final Optional<Module> module = ModuleLayer.boot().findModule(e[0]);
            if (module.isPresent() && !module.get().isExported(e[1], sluice))
            {
                missing.add("--add-exports=" + e[0] + "/" + e[1] + "=ALL-UNNAMED");
            }
        }
        for (final String[] o : OPENS)
        {
            final Optional<Module> module = ModuleLayer.boot().findModule(o[0]);
            if (module.isPresent() && !module.get().isOpen(o[1], sluice))
            {
                missing.add("--add-opens=" + o[0] + "/" + o[1] + "=ALL-UNNAMED");
            }
        }
        return missing;
    }

    /**
     * @throws IllegalStateException naming the missing flags, all the flags and where they are explained, when this
     *                               JVM lacks any
     */
    public static void check()
    {
        final List<String> missing = missing();
        if (!missing.isEmpty())
        {
            throw new IllegalStateException("Sluice needs JVM flags this JVM was started without (Chronicle Queue and "
                + "Agrona use JDK internals); missing: " + String.join(" ", missing) + ". Start the JVM with all of "
                + "them: " + String.join(" ", all()) + " (or pass the argument file: java @sluice.jvm.args ..., "
                + "printed by java -cp <sluice-engine.jar> io.sluice.tools.JvmArgs; on JDK 24+ add "
                + "--sun-misc-unsafe-memory-access=allow); Maven Surefire and Gradle snippets: " + README_SECTION);
        }
    }
}
