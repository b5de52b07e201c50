package io.sluice.codegen;

import java.util.List;
import java.util.Map;

/**
 * The primitive types Sluice specialises for, and the words a template uses for each.
 *
 * <p>A template names a type through placeholders: {@code $K$} the primitive ({@code long}),
 * {@code $KBox$} the boxed class ({@code Long}), {@code $KName$} the capitalised name used in class names
 * ({@code Long}), {@code $KBytes$} the width in bytes and {@code $KShift$} its log2. Templates keyed on two
 * types use the same words with {@code V} for the value type.
 */
public final class TypeTable
{
    /** One primitive type's words. */
    public record PrimitiveType(String primitive, String boxed, String name, int bytes, int shift, String bits)
    {
        Map<String, String> words(final char role)
        {
            return Map.of(
                "$" + role + "$", primitive,
                "$" + role + "Box$", boxed,
                "$" + role + "Name$", name,
                "$" + role + "Bytes$", Integer.toString(bytes),
                "$" + role + "Shift$", Integer.toString(shift),
                "$" + role + "Bits$", bits);
        }
    }

    /** A key type and a value type, for two-type families (hash aggregators, window panes, state stores). */
    public record TypePair(PrimitiveType key, PrimitiveType value)
    {
        Map<String, String> words()
        {
            final Map<String, String> words = new java.util.LinkedHashMap<>(key.words('K'));
            words.putAll(value.words('V'));
            return words;
        }
    }

    /**
     * {@code $KBits$(x)} is a function-call prefix giving the long whose equality is the boxed type's
     * {@code equals} (for double: {@code Double.doubleToLongBits}, so NaN equals NaN and -0.0 differs from 0.0).
     */
    public static final PrimitiveType LONG = new PrimitiveType("long", "Long", "Long", 8, 3, "");
    public static final PrimitiveType INT = new PrimitiveType("int", "Integer", "Int", 4, 2, "(long)");
    public static final PrimitiveType DOUBLE = new PrimitiveType("double", "Double", "Double", 8, 3,
        "Double.doubleToLongBits");

    /** The column element types. */
    public static final List<PrimitiveType> COLUMN_TYPES = List.of(LONG, INT, DOUBLE);

    /** The key x value pairs of the hash aggregators. */
    public static final List<TypePair> AGGREGATOR_TYPES = List.of(
        new TypePair(LONG, LONG),
        new TypePair(LONG, DOUBLE),
        new TypePair(INT, LONG),
        new TypePair(INT, DOUBLE),
        new TypePair(DOUBLE, LONG),
        new TypePair(DOUBLE, DOUBLE));

    /**
     * The key x value pairs of keyed state maps and window panes (issue 4b): long and int keys, hashed as their long
     * widening (0 is a legal key); long and double values.
     */
    public static final List<TypePair> STATE_TYPES = List.of(
        new TypePair(LONG, LONG),
        new TypePair(LONG, DOUBLE),
        new TypePair(INT, LONG),
        new TypePair(INT, DOUBLE));

    private TypeTable()
    {
    }
}
