package org.eligo.store.trial;

import java.time.Instant;
import java.util.Objects;
import org.eligo.core.trial.PartialDate;

/**
 * A status the registry reported for a study or one of its sites, recorded when first seen or when it changed.
 *
 * @param nctId the study
 * @param scope overall or site
 * @param siteKey the site ({@code facility|city|country}) for {@link StatusScope#SITE}, null for overall
 * @param status the API v2 status name
 * @param registryDate the last update post date of the registry version that carried it, or null
 * @param observedAt when Eligo stored it
 */
public record StatusChange(
    String nctId, StatusScope scope, String siteKey, String status, PartialDate registryDate, Instant observedAt) {

  public StatusChange {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(observedAt, "observedAt");
    if ((scope == StatusScope.SITE) != (siteKey != null)) {
      throw new IllegalArgumentException("a site key is required for site statuses and only for them");
    }
  }
}
