package io.sluice.testlog;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine tests' SLF4J binding: INFO and above are kept in memory (the last {@value #KEPT} lines), nothing is
 * printed, so a test can assert what the engine logged. Registered in {@code META-INF/services}.
 */
public final class CapturedLog implements SLF4JServiceProvider
{
    private static final int KEPT = 10_000;
    private static final ArrayDeque<Line> LINES = new ArrayDeque<>();

    /** One logged line. */
    public record Line(Level level, String logger, String message, Throwable error)
    {
        @Override
        public String toString()
        {
            return level + " " + logger + " - " + message;
        }
    }

    /** Forgets what was logged so far. */
    public static void clear()
    {
        synchronized (LINES)
        {
            LINES.clear();
        }
    }

    /** What was logged since the last {@link #clear()}, oldest first. */
    public static List<Line> lines()
    {
        synchronized (LINES)
        {
            return new ArrayList<>(LINES);
        }
    }

    private static void add(final Line line)
    {
        synchronized (LINES)
        {
            if (LINES.size() == KEPT)
            {
                LINES.removeFirst();
            }
            LINES.addLast(line);
            LINES.notifyAll();
        }
    }

    /**
     * Waits until a line containing {@code text} has been logged (since the last {@link #clear()}) and returns it:
     * woken by each new line, no clock read; bound the calling test with JUnit's {@code @Timeout}.
     */
    public static Line awaitLine(final String text) throws InterruptedException
    {
        synchronized (LINES)
        {
            while (true)
            {
                for (final Line line : LINES)
                {
                    if (line.message().contains(text))
                    {
                        return line;
                    }
                }
                LINES.wait();
            }
        }
    }

    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, Capturing::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory()
    {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory()
    {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter()
    {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion()
    {
        return "2.0.99";
    }

    @Override
    public void initialize()
    {
    }

    private static final class Capturing extends LegacyAbstractLogger
    {
        private static final long serialVersionUID = 1L;

        Capturing(final String name)
        {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled()
        {
            return false;
        }

        @Override
        public boolean isDebugEnabled()
        {
            return false;
        }

        @Override
        public boolean isInfoEnabled()
        {
            return true;
        }

        @Override
        public boolean isWarnEnabled()
        {
            return true;
        }

        @Override
        public boolean isErrorEnabled()
        {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName()
        {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(final Level level, final Marker marker, final String message,
            final Object[] arguments, final Throwable throwable)
        {
            if (level == Level.TRACE || level == Level.DEBUG)
            {
                return;
            }
            add(new Line(level, name, MessageFormatter.basicArrayFormat(message, arguments), throwable));
        }
    }
}
