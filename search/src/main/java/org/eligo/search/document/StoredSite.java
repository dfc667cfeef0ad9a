package org.eligo.search.document;

import java.util.Arrays;
import java.util.Locale;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.core.trial.ContactsLocations.Location;
import org.eligo.core.trial.RecruitmentStatus;

/**
 * A trial site as kept in a stored field: what a hit shows and what city lookup needs, one line of tab-separated
 * values.
 */
public record StoredSite(String facility, String city, String state, String country, RecruitmentStatus status,
                         GeoPoint point) {

  public static StoredSite of(Location location) {
    return new StoredSite(location.facility(), location.city(), location.state(), location.country(),
        location.status(), location.geoPoint());
  }

  /** The stored form. */
  public String encode() {
    return String.join("\t", clean(facility), clean(city), clean(state), clean(country),
        status == null ? "" : status.name(),
        point == null ? "" : Double.toString(point.lat()),
        point == null ? "" : Double.toString(point.lon()));
  }

  /** Reads the stored form written by {@link #encode()}. */
  public static StoredSite decode(String stored) {
    String[] parts = Arrays.copyOf(stored.split("\t", -1), 7);
    GeoPoint point = blank(parts[5]) || blank(parts[6])
        ? null : new GeoPoint(Double.parseDouble(parts[5]), Double.parseDouble(parts[6]));
    return new StoredSite(orNull(parts[0]), orNull(parts[1]), orNull(parts[2]), orNull(parts[3]),
        blank(parts[4]) ? null : RecruitmentStatus.valueOf(parts[4]), point);
  }

  /** True when the site's own status is RECRUITING. */
  public boolean recruiting() {
    return status == RecruitmentStatus.RECRUITING;
  }

  /** The city key used by city lookup: trimmed, lower case. */
  /** A city in its country ("cambridge|united kingdom"): where a site without coordinates is placed. */
  public static String placeKey(String city, String country) {
    return cityKey(city) + "|" + (country == null ? "" : country.strip().toLowerCase(Locale.ROOT));
  }

  public static String cityKey(String city) {
    return city == null ? "" : city.strip().toLowerCase(Locale.ROOT);
  }

  private static String clean(String value) {
    return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ');
  }

  private static boolean blank(String value) {
    return value == null || value.isEmpty();
  }

  private static String orNull(String value) {
    return blank(value) ? null : value;
  }
}
