package io.sluice.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands each template over its row of the {@link TypeTable} and writes the sources under the directory
 * given as the first argument (the engine passes {@code target/generated-sources/sluice} at
 * {@code generate-sources}). Nothing it writes is committed.
 */
public final class Generator
{
    /** A template and the single types it is expanded for. */
    record Family(String template, String packageName, String classNamePattern, List<TypeTable.PrimitiveType> types)
    {
    }

    static final List<Family> FAMILIES = List.of(
        new Family("Vector.java.tmpl", "io.sluice.internal.gen", "$KName$Vector", TypeTable.COLUMN_TYPES));

    /** A template keyed on two types: expanded for every key type x value type ({@code $K...$} and {@code $V...$}). */
    record PairFamily(String template, String packageName, String classNamePattern,
        List<TypeTable.PrimitiveType> keyTypes, List<TypeTable.PrimitiveType> valueTypes)
    {
    }

    /** Issue 4b: keyed state maps and window pane rings. */
    static final List<PairFamily> PAIR_FAMILIES = List.of(
        new PairFamily("StateMap.java.tmpl", "io.sluice.internal.gen", "$KName$$VName$StateMap",
            TypeTable.STATE_KEY_TYPES, TypeTable.STATE_VALUE_TYPES),
        new PairFamily("PaneRing.java.tmpl", "io.sluice.internal.gen", "$KName$$VName$PaneRing",
            TypeTable.STATE_KEY_TYPES, TypeTable.STATE_VALUE_TYPES));

    private Generator()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        if (args.length != 1)
        {
            throw new IllegalArgumentException("usage: Generator <output source root>");
        }
        final List<Path> written = generate(Path.of(args[0]));
        System.out.println("[sluice-codegen] wrote " + written.size() + " classes under " + args[0]);
    }

    /** Expands every family into {@code outputRoot}; returns the files written. */
    public static List<Path> generate(final Path outputRoot) throws IOException
    {
        final List<Path> written = new ArrayList<>();
        for (final Family family : FAMILIES)
        {
            final String template = readTemplate(family.template());
            for (final TypeTable.PrimitiveType type : family.types())
            {
                final Map<String, String> words = type.words('K');
                final String className = expand(family.classNamePattern(), words);
                final String source = expand(template, words);
                final Path dir = outputRoot.resolve(family.packageName().replace('.', '/'));
                Files.createDirectories(dir);
                final Path file = dir.resolve(className + ".java");
                Files.writeString(file, source, StandardCharsets.UTF_8);
                written.add(file);
            }
        }
        for (final PairFamily family : PAIR_FAMILIES)
        {
            final String template = readTemplate(family.template());
            for (final TypeTable.PrimitiveType key : family.keyTypes())
            {
                for (final TypeTable.PrimitiveType value : family.valueTypes())
                {
                    final Map<String, String> words = new HashMap<>(key.words('K'));
                    words.putAll(value.words('V'));
                    written.add(write(outputRoot, family.packageName(),
                        expand(family.classNamePattern(), words), expand(template, words)));
                }
            }
        }
        return written;
    }

    private static Path write(final Path outputRoot, final String packageName, final String className,
        final String source) throws IOException
    {
        final Path dir = outputRoot.resolve(packageName.replace('.', '/'));
        Files.createDirectories(dir);
        final Path file = dir.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }

    static String expand(final String text, final Map<String, String> words)
    {
        String result = text;
        for (final Map.Entry<String, String> word : words.entrySet())
        {
            result = result.replace(word.getKey(), word.getValue());
        }
        if (result.matches("(?s).*\\$[A-Z][A-Za-z]*\\$.*"))
        {
            throw new IllegalStateException("template left a placeholder unexpanded: " + text.substring(0, Math.min(80, text.length())));
        }
        return result;
    }

    static String readTemplate(final String name)
    {
        try (InputStream in = Generator.class.getResourceAsStream("templates/" + name))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
