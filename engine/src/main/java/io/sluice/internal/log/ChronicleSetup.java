package io.sluice.internal.log;

/**
 * Sets the system properties Chronicle reads once, at class-load time, before any Chronicle class loads:
 * usage analytics off ({@value #ANALYTICS_DISABLE_PROP_NAME}), the start-up announcement off
 * ({@value #ANNOUNCER_DISABLE_PROP_NAME}) and the "Took N us to ..." performance notices off
 * ({@value #PERF_INFO_DISABLE_PROP_NAME}). A property the embedding application already set is left alone, so
 * {@code -Ddisable.perf.info=false} brings the notices back. Chronicle-core still logs one INFO line
 * ("Chronicle core loaded from ...") through SLF4J; raise the {@code net.openhft} logger to WARN to hide it.
 *
 * <p>Analytics are off twice over: the engine's POM excludes {@code chronicle-analytics}, and this property mutes
 * Chronicle's {@code AnalyticsFacade} should the jar come back through some other dependency. When enabled,
 * Chronicle analytics would write a client id to {@code ${user.home}/.chronicle.analytics.client.id}
 * (see {@link #ANALYTICS_CLIENT_ID_FILE_NAME}).
 *
 * <p>Every Sluice class that touches Chronicle calls {@link #ensure()} from its static initialiser. Thread-safe;
 * allocates only on its first call.
 */
public final class ChronicleSetup
{
    /** Chronicle-core's switch for its usage analytics (Google Analytics events). */
    public static final String ANALYTICS_DISABLE_PROP_NAME = "chronicle.analytics.disable";

    /** Chronicle-core's switch for the banner it prints when it first loads. */
    public static final String ANNOUNCER_DISABLE_PROP_NAME = "chronicle.announcer.disable";

    /** Chronicle-core's switch for its performance notices (slow file growth, slow mapping, slow disk polls). */
    public static final String PERF_INFO_DISABLE_PROP_NAME = "disable.perf.info";

    /** The file chronicle-analytics creates under {@code user.home} to remember its client id. */
    public static final String ANALYTICS_CLIENT_ID_FILE_NAME = ".chronicle.analytics.client.id";

    /** The file chronicle-analytics creates under {@code user.home} to rate-limit its events. */
    public static final String ANALYTICS_LAST_FILE_NAME = ".chronicle.analytics.last";

    static
    {
        setIfAbsent(ANALYTICS_DISABLE_PROP_NAME, "true");
        setIfAbsent(ANNOUNCER_DISABLE_PROP_NAME, "true");
        setIfAbsent(PERF_INFO_DISABLE_PROP_NAME, "true");
    }

    private ChronicleSetup()
    {
    }

    /**
     * Does nothing but guarantee this class's static initialiser has run.
     */
    public static void ensure()
    {
    }

    private static void setIfAbsent(final String name, final String value)
    {
        if (null == System.getProperty(name))
        {
            System.setProperty(name, value);
        }
    }
}
