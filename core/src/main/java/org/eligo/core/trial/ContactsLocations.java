package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code contactsLocationsModule}: central contacts, officials and the study's sites. */
public record ContactsLocations(List<Contact> centralContacts, List<Official> overallOfficials, List<Location> locations) {

  public ContactsLocations {
    centralContacts = List.copyOf(centralContacts);
    overallOfficials = List.copyOf(overallOfficials);
    locations = List.copyOf(locations);
  }

  public record Contact(String name, ContactRole role, String phone, String phoneExt, String email) {}

  public enum ContactRole { STUDY_CHAIR, STUDY_DIRECTOR, PRINCIPAL_INVESTIGATOR, SUB_INVESTIGATOR, CONTACT }

  public record Official(String name, String affiliation, OfficialRole role) {}

  public enum OfficialRole { STUDY_CHAIR, STUDY_DIRECTOR, PRINCIPAL_INVESTIGATOR, SUB_INVESTIGATOR }

  /** A site, with its own recruitment status, contacts and (where the registry gives it) a geo point. */
  public record Location(
      String facility,
      RecruitmentStatus status,
      String city,
      String state,
      String zip,
      String country,
      List<Contact> contacts,
      GeoPoint geoPoint) {
    public Location {
      contacts = List.copyOf(contacts);
    }
  }

  /** WGS84 latitude and longitude in degrees. */
  public record GeoPoint(double lat, double lon) {
    public GeoPoint {
      if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
        throw new IllegalArgumentException("geo point out of range: " + lat + "," + lon);
      }
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius). */
    public double distanceKm(GeoPoint other) {
      double dLat = Math.toRadians(other.lat - lat);
      double dLon = Math.toRadians(other.lon - lon);
      double a = Math.pow(Math.sin(dLat / 2), 2)
          + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
      return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
  }
}
