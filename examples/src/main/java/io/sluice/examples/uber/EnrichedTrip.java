package io.sluice.examples.uber;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A trip with its cluster, as App 1 publishes it: one JSON line
 * {@code {"dt":"2014-09-01 00:01:00","lat":40.2201,"lon":-74.0021,"base":"B02512","cid":3,"clat":..,"clon":..}}.
 */
public record EnrichedTrip(LocalDateTime dateTime, double lat, double lon, String base, int cid, double clat,
    double clon)
{
    static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static EnrichedTrip of(final Trip trip, final KMeansModel model)
    {
        final int cid = model.nearest(trip.lat(), trip.lon());
        return new EnrichedTrip(trip.dateTime(), trip.lat(), trip.lon(), trip.base(), cid, model.lat(cid),
            model.lon(cid));
    }

    public String toJson()
    {
        return "{\"dt\":\"" + DT.format(dateTime) + "\",\"lat\":" + lat + ",\"lon\":" + lon + ",\"base\":\"" + base
            + "\",\"cid\":" + cid + ",\"clat\":" + clat + ",\"clon\":" + clon + "}";
    }

    /** Reads what {@link #toJson()} wrote (fields in any order; no escapes: bases are plain codes). */
    public static EnrichedTrip fromJson(final String json)
    {
        return new EnrichedTrip(LocalDateTime.parse(text(json, "dt"), DT), Double.parseDouble(raw(json, "lat")),
            Double.parseDouble(raw(json, "lon")), text(json, "base"), Integer.parseInt(raw(json, "cid")),
            Double.parseDouble(raw(json, "clat")), Double.parseDouble(raw(json, "clon")));
    }

    /** {@code yyyy-MM-dd HH} of the pickup: the report's date-and-hour key. */
    public String dateHour()
    {
        return DT.format(dateTime).substring(0, 13);
    }

    private static String text(final String json, final String field)
    {
        final String value = raw(json, field);
        return value.substring(1, value.length() - 1);
    }

    private static String raw(final String json, final String field)
    {
        final String key = "\"" + field + "\":";
        final int start = json.indexOf(key);
        if (start < 0)
        {
            throw new IllegalArgumentException("no field " + field + " in " + json);
        }
        final int from = start + key.length();
        int end = from;
        if (json.charAt(from) == '"')
        {
            end = json.indexOf('"', from + 1) + 1;
        }
        else
        {
            while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}')
            {
                end++;
            }
        }
        return json.substring(from, end);
    }
}
