package io.sluice.internal.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.api.BatchInfo;
import io.sluice.api.DeadLetter;
import io.sluice.api.OutputOperationInfo;
import io.sluice.api.ReceiverInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The streaming UI's HTTP server (the JDK's built-in one, one daemon thread): the page ({@code /streaming/}, a batch
 * page {@code /streaming/batch/?id=<batch ms>}), the JSON API it renders from ({@code /api/v1/streaming/...}, shaped
 * like Spark's REST API for streaming) and the Prometheus endpoint ({@code /metrics}). GET and HEAD only; unknown
 * paths and ids answer 4xx with a one-line reason, never a stack trace.
 *
 * <p>Binds to 127.0.0.1 by default; a non-loopback address needs {@code sluice.ui.allowRemote=true}. The default port
 * 4040 falls back to the next free one (16 tries, Spark's convention); an explicitly set busy port is an error.
 */
public final class UiServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);
    private static final int PORT_RETRIES = 16;
    private static final List<String> STATIC = List.of("sluice-ui.js", "sluice-ui.css");

    private final String appName;
    private final StreamingProgress progress;
    private final EngineView engine;
    private final HttpServer server;
    private final ExecutorService executor;

    private UiServer(final String appName, final StreamingProgress progress, final EngineView engine,
        final HttpServer server)
    {
        this.appName = appName;
        this.progress = progress;
        this.engine = engine;
        this.server = server;
        this.executor = Executors.newSingleThreadExecutor(r ->
        {
            final Thread t = new Thread(r, "sluice-ui");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Binds and starts the server.
     *
     * @param port         0 for any free port
     * @param isPortChosen whether the user set the port (then a busy port is an error, not a fallback)
     * @throws IllegalStateException when the address is not loopback and remote binds are not allowed, or no port
     *                               could be bound
     */
    public static UiServer start(final String appName, final StreamingProgress progress, final EngineView engine,
        final String host, final int port, final boolean isPortChosen, final boolean allowRemote)
    {
        final InetAddress address;
        try
        {
            address = InetAddress.getByName(host);
        }
        catch (final IOException e)
        {
            throw new IllegalArgumentException("sluice.ui.host '" + host + "' does not resolve: " + e.getMessage(), e);
        }
        if (!address.isLoopbackAddress() && !allowRemote)
        {
            throw new IllegalStateException("sluice.ui.host '" + host + "' is not a loopback address: the streaming UI"
                + " shows your pipeline's figures to anyone who can reach it; set sluice.ui.allowRemote=true to bind "
                + "it there anyway (or sluice.ui.enabled=false)");
        }
        final int tries = port == 0 || isPortChosen ? 1 : PORT_RETRIES + 1;
        IOException last = null;
        for (int i = 0; i < tries; i++)
        {
            try
            {
                final HttpServer server = HttpServer.create(new InetSocketAddress(address, port + i), 16);
                final UiServer ui = new UiServer(appName, progress, engine, server);
                server.start();
                return ui;
            }
            catch (final BindException e)
            {
                last = e;
            }
            catch (final IOException e)
            {
                throw new IllegalStateException("the streaming UI cannot listen on " + host + ":" + (port + i) + ": "
                    + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("the streaming UI cannot listen on " + host + ":" + port
            + (tries > 1 ? " or the " + PORT_RETRIES + " ports after it" : "") + " (" + last.getMessage()
            + "): set sluice.ui.port to a free port, 0 for any, or sluice.ui.enabled=false", last);
    }

    /** The port it listens on. */
    public int port()
    {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port/streaming/}. */
    public String url()
    {
        final InetSocketAddress address = server.getAddress();
        final String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/streaming/";
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            final String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD"))
            {
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD are served\n");
                return;
            }
            final String path = exchange.getRequestURI().getRawPath();
            try
            {
                route(exchange, path == null ? "/" : path);
            }
            catch (final RuntimeException e)
            {
                LOG.warn("streaming UI: {} {} failed", method, path, e);
                send(exchange, 500, "text/plain; charset=utf-8", "internal error (see the application's log)\n");
            }
        }
    }

    private void route(final HttpExchange exchange, final String path) throws IOException
    {
        switch (path)
        {
            case "/", "/streaming" ->
            {
                exchange.getResponseHeaders().add("Location", "/streaming/");
                send(exchange, 302, "text/plain; charset=utf-8", "see /streaming/\n");
            }
            case "/streaming/" -> resource(exchange, "index.html", "text/html; charset=utf-8");
            case "/streaming/batch/", "/streaming/batch" -> resource(exchange, "batch.html", "text/html; charset=utf-8");
            case "/metrics" -> send(exchange, 200, PrometheusText.CONTENT_TYPE, metrics());
            case "/api/v1/streaming/statistics" -> json(exchange, statistics());
            case "/api/v1/streaming/receivers" -> json(exchange, receivers());
            case "/api/v1/streaming/batches" -> json(exchange, batches(exchange.getRequestURI().getRawQuery()));
            default ->
            {
                if (path.startsWith("/static/") && STATIC.contains(path.substring("/static/".length())))
                {
                    final String name = path.substring("/static/".length());
                    resource(exchange, name, name.endsWith(".js") ? "text/javascript; charset=utf-8"
                        : "text/css; charset=utf-8");
                }
                else if (path.startsWith("/api/v1/streaming/batches/"))
                {
                    batchRoute(exchange, path.substring("/api/v1/streaming/batches/".length()));
                }
                else
                {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found: the UI is at /streaming/, its API "
                        + "at /api/v1/streaming/{statistics,receivers,batches}, metrics at /metrics\n");
                }
            }
        }
    }

    private void batchRoute(final HttpExchange exchange, final String rest) throws IOException
    {
        final String[] parts = rest.split("/", -1);
        if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("operations")))
        {
            send(exchange, 404, "text/plain; charset=utf-8", "not found: /api/v1/streaming/batches/<batch ms>"
                + "[/operations]\n");
            return;
        }
        final long time;
        try
        {
            time = Long.parseLong(parts[0]);
        }
        catch (final NumberFormatException e)
        {
            send(exchange, 400, "text/plain; charset=utf-8", "a batch id is its batch time in ms since the epoch\n");
            return;
        }
        final BatchInfo info = progress.batch(time);
        if (info == null)
        {
            send(exchange, 404, "text/plain; charset=utf-8", "no batch " + time + " (the UI keeps the last "
                + "sluice.ui.retainedBatches completed batches)\n");
            return;
        }
        final Json json = new Json();
        if (parts.length == 2)
        {
            operations(json, info);
        }
        else
        {
            batch(json, info, true);
        }
        json(exchange, json.toString());
    }

    private String statistics()
    {
        final List<BatchInfo> completed = progress.completed();
        final Map<Integer, StreamingProgress.ReceiverState> receivers = progress.receivers();
        final long active = progress.activeReceivers();
        final Json json = new Json().beginObject()
            .field("appName", appName)
            .field("startTime", progress.startTime() < 0 ? null : Instant.ofEpochMilli(progress.startTime()).toString())
            .field("startTimeMs", progress.startTime())
            .field("batchDuration", progress.batchMs())
            .field("numReceivers", receivers.size())
            .field("numActiveReceivers", active)
            .field("numInactiveReceivers", receivers.size() - active)
            .field("numTotalCompletedBatches", progress.totalCompletedBatches())
            .field("numRetainedCompletedBatches", completed.size())
            .field("numActiveBatches", progress.runningBatches() + progress.waitingBatches())
            .field("numProcessedRecords", progress.totalProcessedRecords())
            .field("numReceivedRecords", progress.totalReceivedRecords());
        final long records = completed.stream().mapToLong(BatchInfo::numRecords).sum();
        if (completed.isEmpty())
        {
            json.name("avgInputRate").nullValue().name("avgSchedulingDelay").nullValue()
                .name("avgProcessingTime").nullValue().name("avgTotalDelay").nullValue();
        }
        else
        {
            json.field("avgInputRate", records * 1000.0 / (completed.size() * (double)progress.batchMs()))
                .field("avgSchedulingDelay", average(completed, BatchInfo::schedulingDelay))
                .field("avgProcessingTime", average(completed, BatchInfo::processingDelay))
                .field("avgTotalDelay", average(completed, BatchInfo::totalDelay));
        }
        json.name("sluice").beginObject()
            .field("state", engine.state())
            .field("recordsAccepted", engine.recordsAccepted())
            .field("ringSlotsInUse", engine.ringSlotsInUse())
            .field("ringSlots", engine.ringSlots())
            .field("ringFullWaits", engine.ringFullWaits())
            .field("bytesLogged", engine.bytesLogged())
            .field("deadLetters", engine.deadLetters())
            .field("deadLetterOverflow", engine.deadLetterOverflow())
            .field("offHeapBytes", io.sluice.internal.memory.OffHeapAllocator.liveBytes())
            .field("offHeapCachedBytes", io.sluice.internal.memory.OffHeapAllocator.cachedBytes())
            .field("checkpointing", engine.isCheckpointing())
            .field("failedBatches", progress.failedBatches())
            .field("fatalError", progress.fatalError());
        if (engine.restoredSnapshotTime() == Long.MIN_VALUE)
        {
            json.name("restoredSnapshotTime").nullValue();
        }
        else
        {
            json.field("restoredSnapshotTime", engine.restoredSnapshotTime());
        }
        json.name("keyedState").beginArray();
        for (final EngineView.StateInfo state : engine.stateSizes())
        {
            json.beginObject().field("id", state.id()).field("kind", state.kind()).field("keys", state.keys())
                .endObject();
        }
        json.endArray();
        final EngineView.SnapshotInfo snapshot = engine.lastSnapshot();
        if (snapshot == null || snapshot.batchTime() == Long.MIN_VALUE)
        {
            json.name("lastSnapshot").nullValue();
        }
        else
        {
            json.name("lastSnapshot").beginObject().field("batchTime", snapshot.batchTime())
                .field("durationMs", snapshot.durationNanos() / 1e6).field("captureMs", snapshot.captureNanos() / 1e6)
                .field("bytes", snapshot.bytes()).endObject();
        }
        json.field("dataDir", engine.dataDir());
        json.name("latestDeadLetters").beginArray();
        for (final DeadLetter letter : engine.latestDeadLetters(10))
        {
            json.beginObject().field("timeMs", letter.timeMs()).field("stream", letter.stream())
                .field("reason", letter.reason()).endObject();
        }
        json.endArray().endObject();
        return json.endObject().toString();
    }

    /** The average over {@code batches} of one of their delays, in ms (NaN when none has it). */
    private static double average(final List<BatchInfo> batches,
        final java.util.function.Function<BatchInfo, java.util.Optional<java.time.Duration>> delay)
    {
        long sum = 0;
        int n = 0;
        for (final BatchInfo info : batches)
        {
            final java.util.Optional<java.time.Duration> d = delay.apply(info);
            if (d.isPresent())
            {
                sum += d.get().toNanos();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / 1e6 / n;
    }

    private String receivers()
    {
        final List<BatchInfo> completed = progress.completed();
        final Json json = new Json().beginArray();
        for (final StreamingProgress.ReceiverState state : progress.receivers().values())
        {
            final ReceiverInfo info = state.info();
            final long records = completed.stream()
                .mapToLong(b -> b.streamIdToNumRecords().getOrDefault(info.streamId(), 0L)).sum();
            json.beginObject()
                .field("streamId", info.streamId())
                .field("streamName", info.name())
                .field("isActive", info.active())
                .field("lastErrorTime", state.lastErrorTime() < 0 ? null
                    : Instant.ofEpochMilli(state.lastErrorTime()).toString())
                .field("lastErrorMessage", info.lastErrorMessage())
                .field("lastError", info.lastError())
                .field("avgEventRate", completed.isEmpty() ? Double.NaN
                    : records * 1000.0 / (completed.size() * (double)progress.batchMs()));
            json.name("eventRates").beginArray();
            for (final BatchInfo batch : completed)
            {
                json.beginArray().value(batch.batchTime().milliseconds())
                    .value(batch.streamIdToNumRecords().getOrDefault(info.streamId(), 0L) * 1000.0
                        / progress.batchMs()).endArray();
            }
            json.endArray().endObject();
        }
        return json.endArray().toString();
    }

    private String batches(final String query)
    {
        String status = null;
        if (query != null)
        {
            for (final String pair : query.split("&"))
            {
                if (pair.startsWith("status="))
                {
                    status = pair.substring("status=".length());
                }
            }
        }
        final Json json = new Json().beginArray();
        final List<BatchInfo> completed = progress.completed();
        final List<BatchInfo> active = progress.active();
        for (int i = completed.size() - 1; i >= 0; i--)
        {
            if (status == null || status.equals("COMPLETED"))
            {
                batch(json, completed.get(i), false);
            }
        }
        for (final BatchInfo info : active)
        {
            final String s = statusOf(info);
            if (status == null || status.equals(s))
            {
                batch(json, info, false);
            }
        }
        return json.endArray().toString();
    }

    private String statusOf(final BatchInfo info)
    {
        if (info.processingEndTime().isPresent())
        {
            return "COMPLETED";
        }
        return progress.isRunning(info.batchTime().milliseconds()) ? "PROCESSING" : "QUEUED";
    }

    private void batch(final Json json, final BatchInfo info, final boolean withDetail)
    {
        final List<OutputOperationInfo> ops = info.outputOperationInfos();
        final long failed = ops.stream().filter(op -> op.failureReason().isPresent()).count();
        final long done = ops.stream().filter(op -> op.endTime().isPresent()).count();
        json.beginObject()
            .field("batchId", info.batchTime().milliseconds())
            .field("batchTime", Instant.ofEpochMilli(info.batchTime().milliseconds()).toString())
            .field("status", statusOf(info))
            .field("batchDuration", progress.batchMs())
            .field("inputSize", info.numRecords());
        millis(json, "schedulingDelay", info.schedulingDelay());
        millis(json, "processingTime", info.processingDelay());
        millis(json, "totalDelay", info.totalDelay());
        json.field("numActiveOutputOps", ops.size() - done)
            .field("numCompletedOutputOps", done - failed)
            .field("numFailedOutputOps", failed)
            .field("numTotalOutputOps", ops.size())
            .field("firstFailureReason", ops.stream().map(OutputOperationInfo::failureReason)
                .filter(java.util.Optional::isPresent).map(java.util.Optional::get).findFirst().orElse(null));
        json.name("streamIdToNumRecords").beginObject();
        for (final Map.Entry<Integer, Long> e : new java.util.TreeMap<>(info.streamIdToNumRecords()).entrySet())
        {
            json.field(Integer.toString(e.getKey()), e.getValue());
        }
        json.endObject();
        if (withDetail)
        {
            json.name("outputOperations");
            operations(json, info);
            json.name("segments").beginArray();
            for (final io.sluice.internal.log.Segment segment : progress.segments(info.batchTime().milliseconds()))
            {
                json.beginObject().field("streamId", segment.streamId()).field("firstIndex", segment.firstIndex())
                    .field("documents", segment.documentCount()).field("records", segment.recordCount()).endObject();
            }
            json.endArray();
            final String dir = engine.dataDir();
            json.field("logDumpCommand", dir == null ? null
                : "java -jar sluice-examples.jar log dump " + dir + " " + info.batchTime().milliseconds());
        }
        json.endObject();
    }

    /** {@code name} in whole ms (Spark's field) and {@code nameUs} in µs (sub-millisecond batches). */
    private static void millis(final Json json, final String name, final java.util.Optional<java.time.Duration> d)
    {
        if (d.isPresent())
        {
            json.field(name, d.get().toMillis()).field(name + "Us", d.get().toNanos() / 1000);
        }
        else
        {
            json.name(name).nullValue().name(name + "Us").nullValue();
        }
    }

    private static void operations(final Json json, final BatchInfo info)
    {
        json.beginArray();
        for (final OutputOperationInfo op : info.outputOperationInfos())
        {
            json.beginObject()
                .field("outputOpId", op.id())
                .field("name", op.name())
                .field("description", op.description());
            json.field("startTime", op.startTime().map(t -> Instant.ofEpochMilli(t).toString()).orElse(null))
                .field("endTime", op.endTime().map(t -> Instant.ofEpochMilli(t).toString()).orElse(null))
                .field("duration", op.durationMs().orElse(null))
                .field("failureReason", op.failureReason().orElse(null)).endObject();
        }
        json.endArray();
    }

    /** The Prometheus scrape. */
    String metrics()
    {
        final Map<Integer, StreamingProgress.ReceiverState> receivers = progress.receivers();
        final BatchInfo last = progress.lastCompleted();
        final PrometheusText text = new PrometheusText(appName)
            .counter("sluice_streaming_received_records_total",
                "Records of the batches submitted so far (Spark StreamingSource totalReceivedRecords).",
                progress.totalReceivedRecords())
            .counter("sluice_streaming_processed_records_total",
                "Records of the batches completed so far (totalProcessedRecords).", progress.totalProcessedRecords())
            .counter("sluice_streaming_completed_batches_total", "Batches completed (totalCompletedBatches).",
                progress.totalCompletedBatches())
            .counter("sluice_streaming_failed_batches_total", "Completed batches with a failed output operation.",
                progress.failedBatches())
            .gauge("sluice_streaming_waiting_batches", "Batches submitted, not started (waitingBatches).",
                progress.waitingBatches())
            .gauge("sluice_streaming_running_batches", "Batches being processed (runningBatches).",
                progress.runningBatches())
            .gauge("sluice_streaming_unprocessed_batches", "Waiting plus running batches (unprocessedBatches).",
                progress.waitingBatches() + progress.runningBatches())
            .gauge("sluice_streaming_receivers", "Receivers (receivers).", receivers.size())
            .gauge("sluice_streaming_active_receivers", "Receivers running now.", progress.activeReceivers())
            .gauge("sluice_streaming_last_completed_batch_time_seconds",
                "Batch time of the last completed batch, seconds since the epoch (lastCompletedBatch_batchTime).",
                last == null ? Double.NaN : last.batchTime().milliseconds() / 1000.0)
            .gauge("sluice_streaming_last_completed_batch_scheduling_delay_seconds",
                "Scheduling delay of the last completed batch (lastCompletedBatch_schedulingDelay).",
                seconds(last == null ? java.util.Optional.empty() : last.schedulingDelay()))
            .gauge("sluice_streaming_last_completed_batch_processing_delay_seconds",
                "Processing time of the last completed batch (lastCompletedBatch_processingDelay).",
                seconds(last == null ? java.util.Optional.empty() : last.processingDelay()))
            .gauge("sluice_streaming_last_completed_batch_total_delay_seconds",
                "Total delay of the last completed batch (lastCompletedBatch_totalDelay).",
                seconds(last == null ? java.util.Optional.empty() : last.totalDelay()))
            .histogram("sluice_streaming_scheduling_delay_seconds",
                "Scheduling delay of each completed batch (10 us to 10 s buckets).", progress.schedulingDelay())
            .histogram("sluice_streaming_processing_time_seconds",
                "Processing time of each completed batch.", progress.processingTime())
            .histogram("sluice_streaming_total_delay_seconds", "Total delay of each completed batch.",
                progress.totalDelay())
            .counter("sluice_records_accepted_total", "Records receivers stored into the ingest ring.",
                engine.recordsAccepted())
            .gauge("sluice_ring_slots_in_use", "Ingest ring slots the log writer has not appended yet (its lag).",
                engine.ringSlotsInUse())
            .gauge("sluice_ring_slots", "Ingest ring size in slots.", engine.ringSlots())
            .counter("sluice_ring_full_waits_total", "Stores that found the ingest ring full (waited or refused).",
                engine.ringFullWaits())
            .counter("sluice_log_bytes_total", "Encoded record bytes appended to the ingest log's stream queues.",
                engine.bytesLogged())
            .gauge("sluice_dead_letters", "Dead letters kept in the data directory.", engine.deadLetters())
            .counter("sluice_dead_letters_overflow_total", "Dead letters refused once the cap was reached.",
                engine.deadLetterOverflow())
            .gauge("sluice_offheap_bytes", "Off-heap bytes allocated by Sluice and not freed (all contexts).",
                io.sluice.internal.memory.OffHeapAllocator.liveBytes())
            .gauge("sluice_offheap_cached_bytes", "Freed off-heap blocks kept for reuse (all contexts).",
                io.sluice.internal.memory.OffHeapAllocator.cachedBytes())
            .labelled("sluice_state_keys", "Keys each stateful operator holds after its last batch.", "gauge",
                "state_id", sample ->
                {
                    for (final EngineView.StateInfo state : engine.stateSizes())
                    {
                        if (state.keys() >= 0)
                        {
                            sample.accept(state.id(), (double)state.keys());
                        }
                    }
                })
            .gauge("sluice_snapshot_last_batch_time_seconds",
                "Batch time of the last state snapshot written or restored (NaN: none).", snapshotTime())
            .gauge("sluice_snapshot_last_duration_seconds",
                "How long the last snapshot took to encode, write and force (NaN: none).", snapshotSeconds(false))
            .gauge("sluice_snapshot_last_capture_seconds",
                "How long the last snapshot's capture held the batch path (NaN: none).", snapshotSeconds(true))
            .gauge("sluice_snapshot_last_bytes", "Bytes of the last snapshot file (NaN: none).", snapshotBytes())
            .gauge("sluice_restored_snapshot_time_seconds",
                "Batch time of the snapshot the last start restored (NaN: none).",
                engine.restoredSnapshotTime() == Long.MIN_VALUE ? Double.NaN
                    : engine.restoredSnapshotTime() / 1000.0);
        return text.toString();
    }

    private double snapshotTime()
    {
        final EngineView.SnapshotInfo s = engine.lastSnapshot();
        return s == null || s.batchTime() == Long.MIN_VALUE ? Double.NaN : s.batchTime() / 1000.0;
    }

    private double snapshotSeconds(final boolean capture)
    {
        final EngineView.SnapshotInfo s = engine.lastSnapshot();
        return s == null || s.batchTime() == Long.MIN_VALUE ? Double.NaN
            : (capture ? s.captureNanos() : s.durationNanos()) / 1e9;
    }

    private double snapshotBytes()
    {
        final EngineView.SnapshotInfo s = engine.lastSnapshot();
        return s == null || s.batchTime() == Long.MIN_VALUE ? Double.NaN : s.bytes();
    }

    private static double seconds(final java.util.Optional<java.time.Duration> d)
    {
        return d.isEmpty() ? Double.NaN : d.get().toNanos() / 1e9;
    }

    private static void json(final HttpExchange exchange, final String body) throws IOException
    {
        send(exchange, 200, "application/json; charset=utf-8", body);
    }

    private void resource(final HttpExchange exchange, final String name, final String type) throws IOException
    {
        try (InputStream in = UiServer.class.getResourceAsStream(name))
        {
            if (in == null)
            {
                send(exchange, 500, "text/plain; charset=utf-8", "the UI's resource " + name + " is missing\n");
                return;
            }
            final String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{appName}}",
                htmlEscape(appName));
            send(exchange, 200, type, body);
        }
    }

    static String htmlEscape(final String s)
    {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final String body)
        throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        final boolean isHead = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, isHead ? -1 : bytes.length);
        if (!isHead)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        }
    }
}
