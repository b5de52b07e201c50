package io.sluice.internal.recovery;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Named places where a crash test can kill the engine's JVM with SIGKILL, chosen by system properties: the crash
 * matrix runs a pipeline in a child JVM with {@code -Dsluice.crash.point=<name>} (and optionally
 * {@code -Dsluice.crash.after=<n>}, default 1: the n-th time the point is reached). When the point is reached the
 * thread prints {@code SLUICE-CRASH <name>} on standard error, sends SIGKILL to its own process and parks until the
 * signal lands, so no further work of that thread happens.
 *
 * <p>Off (the property unset), {@link #hit} is one read of a static final field: free on every path.
 *
 * <p>Points: {@value #LOG_MID_APPEND}, {@value #LOG_AFTER_APPEND}, {@value #JOB_MID_BATCH}, {@value #MANIFEST_AFTER_SEAL}, {@value #JOB_AFTER_OUTPUT},
 * {@value #JOB_BEFORE_BATCH_DONE}, {@value #SNAPSHOT_MID_WRITE}, {@value #SNAPSHOT_AFTER_RENAME},
 * {@value #RETENTION_MID_DELETE}.
 */
public final class CrashPoints
{
    /** Inside a block's Chronicle document: its bytes written, the document not yet complete (never visible). */
    public static final String LOG_MID_APPEND = "log.mid-append";
    /** A batch's job has started computing (operators mid-batch, nothing of it output yet). */
    public static final String JOB_MID_BATCH = "job.mid-batch";
    /** A block of records appended to a stream's queue, before the batch holding it is sealed. */
    public static final String LOG_AFTER_APPEND = "log.after-append";
    /** A batch's seal (its segments) written to the manifest, before its job runs. */
    public static final String MANIFEST_AFTER_SEAL = "manifest.after-seal";
    /** An output operation's body ran, before its commit record is written. */
    public static final String JOB_AFTER_OUTPUT = "job.after-output";
    /** Every output of a batch committed, before the batch's completion record. */
    public static final String JOB_BEFORE_BATCH_DONE = "job.before-batch-done";
    /** Half of a state snapshot file written. */
    public static final String SNAPSHOT_MID_WRITE = "snapshot.mid-write";
    /** A snapshot file renamed into place, before its commit record. */
    public static final String SNAPSHOT_AFTER_RENAME = "snapshot.after-rename";
    /** Retention deleting old log files. */
    public static final String RETENTION_MID_DELETE = "retention.mid-delete";

    /** System property naming the point to crash at. */
    public static final String POINT_PROP_NAME = "sluice.crash.point";
    /** System property: crash at the n-th hit of the point (default 1). */
    public static final String AFTER_PROP_NAME = "sluice.crash.after";

    private static final String POINT = System.getProperty(POINT_PROP_NAME);
    private static final int AFTER = Integer.getInteger(AFTER_PROP_NAME, 1);
    private static final AtomicInteger HITS = new AtomicInteger();
    private static volatile String faultPoint;

    private CrashPoints()
    {
    }

    /** Whether any crash point is armed in this JVM. */
    public static boolean isArmed()
    {
        return POINT != null;
    }

    /**
     * Kills this JVM with SIGKILL if {@code name} is the armed point and this is its n-th hit; throws the
     * {@link #injectFault injected fault} if one is set for {@code name}.
     */
    public static void hit(final String name)
    {
        if (POINT != null && POINT.equals(name) && HITS.incrementAndGet() == AFTER)
        {
            killSelf(name);
        }
        final String fault = faultPoint;
        if (fault != null && fault.equals(name))
        {
            throw new InternalError("a fault in a recent unsafe memory access operation in compiled Java code "
                + "(injected at " + name + ": as a full disk makes a mapped write fail)");
        }
    }

    /**
     * For in-JVM fault tests: from now on {@link #hit}{@code (point)} throws the {@link InternalError} a full disk
     * raises in a mapped write (SIGBUS); {@code null} clears it.
     */
    public static void injectFault(final String point)
    {
        faultPoint = point;
    }

    /** Prints the marker, sends SIGKILL to this process and never returns. */
    public static void killSelf(final String name)
    {
        System.err.println("SLUICE-CRASH " + name);
        System.err.flush();
        try
        {
            new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).inheritIO().start();
        }
        catch (final IOException ex)
        {
            Runtime.getRuntime().halt(137);
        }
        while (true)
        {
            LockSupport.park();
        }
    }
}
