package org.eligo.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.search.document.StoredSite;
import org.eligo.search.document.TrialFields;

/**
 * Places city names at coordinates using the registry's own sites: the centroid of the distinct points of the
 * indexed sites in that city (case-insensitive), so "Beijing" means where Beijing's trial sites are.
 */
public final class CityGazetteer {

  private final Map<String, GeoPoint> centroids;
  /** The same by city and country ({@link StoredSite#placeKey}), for placing sites without coordinates. */
  private final Map<String, GeoPoint> places;
  /**
   * The same by the city and what people and the registry write after it: its state ("boston|massachusetts"), its
   * country ("beijing|china") or both ("beijing|beijing municipality|china"), as ClinicalTrials.gov shows a site.
   */
  private final Map<String, GeoPoint> qualified;

  private CityGazetteer(Map<String, GeoPoint> centroids, Map<String, GeoPoint> places,
                        Map<String, GeoPoint> qualified) {
    this.centroids = Map.copyOf(centroids);
    this.places = Map.copyOf(places);
    this.qualified = Map.copyOf(qualified);
  }

  /** Reads every live trial's stored sites. */
  public static CityGazetteer of(IndexReader reader) {
    Map<String, Set<GeoPoint>> points = new HashMap<>();
    Map<String, Set<GeoPoint>> placePoints = new HashMap<>();
    Map<String, Set<GeoPoint>> qualifiedPoints = new HashMap<>();
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) continue;
          for (String value : stored.document(doc, Set.of(TrialFields.SITE)).getValues(TrialFields.SITE)) {
            StoredSite site = StoredSite.decode(value);
            if (site.point() != null && site.city() != null) {
              points.computeIfAbsent(StoredSite.cityKey(site.city()), k -> new LinkedHashSet<>()).add(site.point());
              placePoints.computeIfAbsent(StoredSite.placeKey(site.city(), site.country()), k -> new LinkedHashSet<>())
                  .add(site.point());
              String city = StoredSite.cityKey(site.city());
              String state = StoredSite.cityKey(site.state());
              String country = StoredSite.cityKey(site.country());
              for (String key : new String[] {country.isEmpty() ? null : city + "|" + country,
                  state.isEmpty() ? null : city + "|" + state,
                  state.isEmpty() || country.isEmpty() ? null : city + "|" + state + "|" + country}) {
                if (key != null) qualifiedPoints.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(site.point());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, GeoPoint> centroids = new HashMap<>();
    points.forEach((city, cityPoints) -> centroids.put(city, centroid(cityPoints)));
    Map<String, GeoPoint> places = new HashMap<>();
    placePoints.forEach((place, placeCentroid) -> places.put(place, centroid(placeCentroid)));
    Map<String, GeoPoint> qualified = new HashMap<>();
    qualifiedPoints.forEach((place, placeCentroid) -> qualified.put(place, centroid(placeCentroid)));
    return new CityGazetteer(centroids, places, qualified);
  }

  /**
   * The centroid of the city's sites; empty when no indexed site with coordinates is in a city of that name. A city
   * with its country after a comma ("Beijing, China", "Paris, France") is the centroid of that city's sites in that
   * country alone, so "Paris, United States" is not placed in France; so is a city with its state ("Boston,
   * Massachusetts") or with both, as the registry shows a site ("Beijing, Beijing Municipality, China"). A city whose
   * own name holds a comma is found whole first.
   */
  public Optional<GeoPoint> locate(String city) {
    GeoPoint named = centroids.get(StoredSite.cityKey(city));
    if (named != null) return Optional.of(named);
    if (city == null || city.indexOf(',') < 0) return Optional.empty();
    String[] parts = city.split(",", -1);
    for (String part : parts) if (part.isBlank()) return Optional.empty();
    // the city is the first part(s), then one or two of state and country
    for (int qualifiers = 1; qualifiers <= Math.min(2, parts.length - 1); qualifiers++) {
      int cityParts = parts.length - qualifiers;
      StringBuilder key = new StringBuilder(StoredSite.cityKey(String.join(",",
          java.util.Arrays.copyOf(parts, cityParts))));
      for (int i = cityParts; i < parts.length; i++) key.append('|').append(StoredSite.cityKey(parts[i]));
      GeoPoint found = qualified.get(key.toString());
      if (found != null) return Optional.of(found);
    }
    return Optional.empty();
  }

  /**
   * "City, Country" as a {@link StoredSite#placeKey} (the last comma divides them: "Washington, D.C., United
   * States"); null when the text has no comma.
   */
  public static String placeKey(String text) {
    int comma = text == null ? -1 : text.lastIndexOf(',');
    if (comma <= 0 || comma == text.length() - 1) return null;
    return StoredSite.placeKey(text.substring(0, comma), text.substring(comma + 1));
  }

  /** The places (city and country, {@link StoredSite#placeKey}) whose sites lie within {@code km} of {@code point}. */
  public java.util.List<String> placesWithin(GeoPoint point, double km) {
    return places.entrySet().stream().filter(e -> e.getValue().distanceKm(point) <= km).map(Map.Entry::getKey)
        .sorted().toList();
  }

  /** Where a site without coordinates is: the centroid of the registry's other sites in its city of its country. */
  public Optional<GeoPoint> locate(StoredSite site) {
    if (site.city() == null) return Optional.empty();
    return Optional.ofNullable(places.get(StoredSite.placeKey(site.city(), site.country())));
  }

  /** The spherical centroid (mean of unit vectors), correct across the antimeridian. */
  static GeoPoint centroid(Set<GeoPoint> points) {
    double x = 0, y = 0, z = 0;
    for (GeoPoint p : points) {
      double lat = Math.toRadians(p.lat());
      double lon = Math.toRadians(p.lon());
      x += Math.cos(lat) * Math.cos(lon);
      y += Math.cos(lat) * Math.sin(lon);
      z += Math.sin(lat);
    }
    double lon = Math.atan2(y, x);
    double lat = Math.atan2(z, Math.hypot(x, y));
    return new GeoPoint(Math.toDegrees(lat), Math.toDegrees(lon));
  }
}
