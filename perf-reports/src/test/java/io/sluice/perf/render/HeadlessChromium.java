package io.sluice.perf.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code /usr/bin/chromium} headless on a local file, offline and with a fresh profile:
 * {@code --dump-dom} for the rendered DOM and {@code --screenshot} for a PNG. One instance per test.
 */
final class HeadlessChromium
{
    static final Path BINARY = Path.of("/usr/bin/chromium");

    private static final long TIMEOUT_SECONDS = 120;

    private final Path workDir;

    HeadlessChromium(final Path workDir)
    {
        this.workDir = workDir;
    }

    static boolean isInstalled()
    {
        return Files.isExecutable(BINARY);
    }

    /**
     * The DOM after parsing and layout, as chromium serializes it.
     */
    String dumpDom(final Path html) throws IOException, InterruptedException
    {
        final Path out = workDir.resolve("dom-" + html.getFileName() + ".html");
        run(List.of("--dump-dom", html.toUri().toString()), out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * A 1280 x 2000 screenshot.
     */
    Path screenshot(final Path html, final Path png) throws IOException, InterruptedException
    {
        run(List.of("--screenshot=" + png, "--window-size=1280,2000", html.toUri().toString()),
            workDir.resolve("screenshot-" + html.getFileName() + ".out"));
        return png;
    }

    private void run(final List<String> extra, final Path stdout) throws IOException, InterruptedException
    {
        final Path profile = Files.createTempDirectory(workDir, "profile");
        final List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(extra);
        final Path stderr = workDir.resolve(stdout.getFileName() + ".err");
        final Process process = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0)
        {
            throw new IllegalStateException("chromium exited " + process.exitValue() + ": "
                + Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }
}
