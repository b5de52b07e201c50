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
    public record PrimitiveType(String primitive, String boxed, String name, int bytes, int shift)
    {
        Map<String, String> words(final char role)
        {
            return Map.of(
                "$" + role + "$", primitive,
                "$" + role + "Box$", boxed,
                "$" + role + "Name$", name,
                "$" + role + "Bytes$", Integer.toString(bytes),
                "$" + role + "Shift$", Integer.toString(shift));
        }
    }

    public static final PrimitiveType LONG = new PrimitiveType("long", "Long", "Long", 8, 3);
    public static final PrimitiveType INT = new PrimitiveType("int", "Integer", "Int", 4, 2);
    public static final PrimitiveType DOUBLE = new PrimitiveType("double", "Double", "Double", 8, 3);

    /** The column element types. */
    public static final List<PrimitiveType> COLUMN_TYPES = List.of(LONG, INT, DOUBLE);

    /** Keys of keyed state maps and window panes (hashed as their long widening; 0 is a legal key). */
    public static final List<PrimitiveType> STATE_KEY_TYPES = List.of(LONG, INT);

    /** Values of keyed state maps and window panes. */
    public static final List<PrimitiveType> STATE_VALUE_TYPES = List.of(LONG, DOUBLE);

    private TypeTable()
    {
    }
}
