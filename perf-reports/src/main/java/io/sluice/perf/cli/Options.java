package io.sluice.perf.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: {@code --name value} options (repeatable ones keep every value) and positional
 * arguments. Only the option names a command declares are accepted. Immutable once parsed.
 */
final class Options
{
    private final Map<String, List<String>> values;
    private final List<String> positional;

    private Options(final Map<String, List<String>> values, final List<String> positional)
    {
        this.values = values;
        this.positional = positional;
    }

    /**
     * Parses.
     *
     * @param args    the arguments after the subcommand
     * @param allowed option names without dashes
     * @return the options
     * @throws UsageException on an unknown option or a missing value
     */
    static Options parse(final List<String> args, final Set<String> allowed) throws UsageException
    {
        final Map<String, List<String>> values = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++)
        {
            final String arg = args.get(i);
            if (arg.startsWith("--"))
            {
                final int equals = arg.indexOf('=');
                final String name = equals > 0 ? arg.substring(2, equals) : arg.substring(2);
                if (!allowed.contains(name))
                {
                    throw new UsageException("unknown option --" + name);
                }
                final String value;
                if (equals > 0)
                {
                    value = arg.substring(equals + 1);
                }
                else if (i + 1 < args.size())
                {
                    value = args.get(++i);
                }
                else
                {
                    throw new UsageException("option --" + name + " needs a value");
                }
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
            else
            {
                positional.add(arg);
            }
        }
        return new Options(values, positional);
    }

    String get(final String name, final String defaultValue)
    {
        final List<String> list = values.get(name);
        return list == null ? defaultValue : list.get(list.size() - 1);
    }

    String required(final String name) throws UsageException
    {
        final String value = get(name, null);
        if (value == null)
        {
            throw new UsageException("missing --" + name);
        }
        return value;
    }

    List<String> all(final String name)
    {
        return values.getOrDefault(name, List.of());
    }

    List<String> positional()
    {
        return positional;
    }
}
