package io.sluice.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands each template over its row of the {@link TypeTable} and writes the sources under the directory
 * given as the first argument (the engine passes {@code target/generated-sources/sluice} at
 * {@code generate-sources}). Nothing it writes is committed.
 */
public final class Generator
{
    /**
     * A template, the package and class name pattern it expands to, and the word sets it is expanded for: one per
     * single type ({@code $K...$} words) or per key x value pair ({@code $K...$} and {@code $V...$} words).
     */
    record Family(String template, String packageName, String classNamePattern, List<Map<String, String>> expansions)
    {
        /** A family over single types. */
        static Family ofTypes(final String template, final String packageName, final String classNamePattern,
            final List<TypeTable.PrimitiveType> types)
        {
            return new Family(template, packageName, classNamePattern,
                types.stream().map(type -> type.words('K')).toList());
        }

        /** A family over key x value pairs. */
        static Family ofPairs(final String template, final String packageName, final String classNamePattern,
            final List<TypeTable.TypePair> pairs)
        {
            return new Family(template, packageName, classNamePattern,
                pairs.stream().map(TypeTable.TypePair::words).toList());
        }
    }

    /** Every generated family; add a line here (and a template) to add one. */
    static final List<Family> FAMILIES = List.of(
        Family.ofTypes("Vector.java.tmpl", "io.sluice.internal.gen", "$KName$Vector", TypeTable.COLUMN_TYPES),
        Family.ofPairs("HashAggregator.java.tmpl", "io.sluice.internal.gen", "$KName$$VName$HashAggregator",
            TypeTable.AGGREGATOR_TYPES),
        // issue 4b: keyed state (updateStateByKey, mapWithState) and window panes
        Family.ofPairs("StateMap.java.tmpl", "io.sluice.internal.gen", "$KName$$VName$StateMap",
            TypeTable.STATE_TYPES),
        Family.ofPairs("PaneRing.java.tmpl", "io.sluice.internal.gen", "$KName$$VName$PaneRing",
            TypeTable.STATE_TYPES));

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
            for (final Map<String, String> words : family.expansions())
            {
                final String className = expand(family.classNamePattern(), words);
                final String source = expand(template, words);
                final Path dir = outputRoot.resolve(family.packageName().replace('.', '/'));
                Files.createDirectories(dir);
                final Path file = dir.resolve(className + ".java");
                Files.writeString(file, source, StandardCharsets.UTF_8);
                written.add(file);
            }
        }
        return written;
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
