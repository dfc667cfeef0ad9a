package org.eligo.search;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.trial.ContactsLocations.GeoPoint;

/**
 * "Trials with a site within {@code radiusKm} of a place": API v2 {@code filter.geo=distance(lat,lon,dist)}, where the
 * place may also be a city name resolved from the registry's own site locations.
 *
 * @param place where to measure from
 * @param radiusKm the largest distance to a site, in kilometres
 */
public record GeoFilter(Place place, double radiusKm) {

  private static final Pattern DISTANCE = Pattern.compile(
      "\\s*distance\\(\\s*([^,]+?)\\s*,\\s*([^,]+?)\\s*(?:,\\s*([0-9.]+)\\s*(km|mi)?\\s*)?\\)\\s*",
      Pattern.CASE_INSENSITIVE);
  /** {@code distance(...)} with whatever is between the parentheses. */
  private static final Pattern CALL = Pattern.compile("\\s*distance\\((.*)\\)\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final double KM_PER_MILE = 1.609344;

  /** Where a distance is measured from. */
  public sealed interface Place {}

  /** A point given as coordinates. */
  public record Coordinates(GeoPoint point) implements Place {}

  /** A city name ("Beijing", case-insensitive), placed at the centroid of the registry's sites in it. */
  public record City(String name) implements Place {
    public City {
      if (name == null || name.isBlank()) throw new IllegalArgumentException("city name is blank");
    }
  }

  public GeoFilter {
    Objects.requireNonNull(place, "place");
    if (!(radiusKm > 0)) throw new IllegalArgumentException("radius must be positive: " + radiusKm);
  }

  public static GeoFilter near(double lat, double lon, double radiusKm) {
    return new GeoFilter(new Coordinates(new GeoPoint(lat, lon)), radiusKm);
  }

  public static GeoFilter nearCity(String city, double radiusKm) {
    return new GeoFilter(new City(city), radiusKm);
  }

  /**
   * Parses the API v2 form {@code distance(39.9,116.4,50km)} (unit km or mi; km when omitted). Eligo also accepts a
   * place in place of the coordinates: a city, {@code distance(Beijing,50km)}, or the city and its country as the
   * command line and the web search take them, {@code distance(Beijing, China,50km)}: everything before the last
   * comma is the place unless it begins with a number (then it must be latitude and longitude).
   */
  public static GeoFilter parse(String text) {
    Matcher m = CALL.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a geo filter (distance(lat,lon,50km)): '" + text + "'");
    }
    String args = m.group(1);
    int last = args.lastIndexOf(',');
    if (last <= 0 || args.substring(0, last).isBlank()) {
      throw new IllegalArgumentException("not a geo filter (distance(lat,lon,50km)): '" + text + "'");
    }
    String place = args.substring(0, last).strip();
    String distanceText = args.substring(last + 1);
    String first = place.split(",", -1)[0];
    if (!isNumber(first)) {
      // a city, or a city and its country: the last argument is the distance
      return nearCity(place, positive(parseDistance(distanceText), text));
    }
    Matcher d = DISTANCE.matcher(text);
    if (!d.matches()) {
      throw new IllegalArgumentException("not a geo filter (distance(lat,lon,50km)): '" + text + "'");
    }
    if (d.group(3) == null) {
      throw new IllegalArgumentException("'" + text + "' gives two numbers: write latitude, longitude and distance, "
          + "as in distance(39.9,116.4,50km), or a city and distance, as in distance(Beijing,50km)");
    }
    double distance = Double.parseDouble(d.group(3));
    double km = "mi".equalsIgnoreCase(d.group(4)) ? distance * KM_PER_MILE : distance;
    double lat;
    double lon;
    try {
      lat = Double.parseDouble(d.group(1));
      lon = Double.parseDouble(d.group(2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("geo filter coordinates are not numbers: '" + text + "'", e);
    }
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      throw new IllegalArgumentException("latitude must lie within -90..90 and longitude within -180..180: '" + text
          + "'");
    }
    return near(lat, lon, positive(km, text));
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static double positive(double km, String text) {
    if (!(km > 0) || Double.isInfinite(km)) {
      throw new IllegalArgumentException("the distance must be more than 0: '" + text + "'");
    }
    return km;
  }

  private static double parseDistance(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("mi")) return Double.parseDouble(t.substring(0, t.length() - 2).trim()) * KM_PER_MILE;
    if (t.endsWith("km")) t = t.substring(0, t.length() - 2).trim();
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a distance (50km, 30mi): '" + text + "'", e);
    }
  }
}
