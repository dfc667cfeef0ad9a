package org.eligo.search;

import java.util.OptionalDouble;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.core.trial.RecruitmentStatus;

/**
 * A trial site as a search result shows it.
 *
 * @param facility the facility name
 * @param city the city
 * @param state the state or province, or null
 * @param country the country
 * @param status the site's own recruitment status
 * @param point the site's coordinates, or null when the registry gives none
 * @param distanceKm the distance from the query's point, when the query had one and the site has coordinates
 */
public record SiteHit(String facility, String city, String state, String country, RecruitmentStatus status,
                      GeoPoint point, OptionalDouble distanceKm) {}
