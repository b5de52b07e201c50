package io.sluice.examples.uber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The bundled trip files (resources {@code uber/*.csv}, copied from the project's shared data) and the model. */
public final class UberData
{
    public static final String AUGUST = "uber-raw-data-aug14.csv";
    public static final String SEPTEMBER = "uber-raw-data-sep14.csv";
    public static final String AUGUST_ORIGINAL_FORMAT_SAMPLE = "uber-raw-data-aug14-original-format-sample.csv";
    /** Centres produced by {@code UberTrainer --k 10 --seed 42} from {@link #AUGUST}. */
    public static final String MODEL = "model-k10.csv";

    private UberData()
    {
    }

    /** {@code path} if given, else the bundled resource {@code uber/<name>} copied to a temporary file. */
    public static Path fileOrBundled(final String path, final String name) throws IOException
    {
        if (path != null)
        {
            return Path.of(path);
        }
        try (InputStream in = UberData.class.getResourceAsStream("/uber/" + name))
        {
            if (in == null)
            {
                throw new IOException("resource uber/" + name + " is not on the class path");
            }
            final Path file = Files.createTempFile("sluice-uber-", "-" + name);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
