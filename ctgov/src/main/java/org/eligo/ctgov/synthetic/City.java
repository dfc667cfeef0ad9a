package org.eligo.ctgov.synthetic;

import java.util.List;
import org.eligo.core.trial.ContactsLocations.GeoPoint;

/**
 * A city where synthetic sites are placed.
 *
 * @param state the state or province as the registry writes it, or null
 * @param zipPrefix leading digits for a postal code, or null where the registry rarely gives one
 */
record City(String name, String state, String country, String zipPrefix, GeoPoint geoPoint) {

  /**
   * City-centre coordinates (WGS84 degrees, rounded to 4 decimals) as given in each city's English Wikipedia
   * article infobox; Bethesda's checked against the USGS/Census figures that article quotes (38.98472, -77.11306).
   */
  static final List<City> ALL = List.of(
      city("Beijing", null, "China", null, 39.9042, 116.4074),
      city("Shanghai", null, "China", null, 31.2304, 121.4737),
      city("Tianjin", null, "China", null, 39.3434, 117.3616),
      city("Guangzhou", "Guangdong", "China", null, 23.1291, 113.2644),
      city("Wuhan", "Hubei", "China", null, 30.5928, 114.3055),
      city("Chengdu", "Sichuan", "China", null, 30.5728, 104.0668),
      city("Hangzhou", "Zhejiang", "China", null, 30.2741, 120.1551),
      city("Bethesda", "Maryland", "United States", "208", 38.9847, -77.1131),
      city("Boston", "Massachusetts", "United States", "021", 42.3601, -71.0589),
      city("Philadelphia", "Pennsylvania", "United States", "191", 39.9526, -75.1652),
      city("New York", "New York", "United States", "100", 40.7128, -74.0060),
      city("Houston", "Texas", "United States", "770", 29.7604, -95.3698),
      city("Seattle", "Washington", "United States", "981", 47.6062, -122.3321),
      city("Rochester", "Minnesota", "United States", "559", 44.0121, -92.4802),
      city("Chicago", "Illinois", "United States", "606", 41.8781, -87.6298),
      city("Toronto", "Ontario", "Canada", null, 43.6532, -79.3832),
      city("London", null, "United Kingdom", null, 51.5074, -0.1278),
      city("Paris", null, "France", "750", 48.8566, 2.3522),
      city("Berlin", null, "Germany", "101", 52.5200, 13.4050),
      city("Milan", null, "Italy", "201", 45.4642, 9.1900),
      city("Madrid", null, "Spain", "280", 40.4168, -3.7038),
      city("Amsterdam", null, "Netherlands", null, 52.3676, 4.9041),
      city("Stockholm", null, "Sweden", null, 59.3293, 18.0686),
      city("Tokyo", null, "Japan", null, 35.6762, 139.6503),
      city("Osaka", null, "Japan", null, 34.6937, 135.5023),
      city("Seoul", null, "Korea, Republic of", null, 37.5665, 126.9780),
      city("Sydney", "New South Wales", "Australia", "200", -33.8688, 151.2093),
      city("São Paulo", null, "Brazil", null, -23.5505, -46.6333));

  private static City city(String name, String state, String country, String zipPrefix, double lat, double lon) {
    return new City(name, state, country, zipPrefix, new GeoPoint(lat, lon));
  }
}
