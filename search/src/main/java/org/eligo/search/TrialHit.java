package org.eligo.search;

import java.util.List;
import java.util.Optional;
import org.eligo.core.trial.RecruitmentStatus;

/**
 * One trial found by a search.
 *
 * @param nctId the trial's NCT ID
 * @param title its brief title (official title when it has none)
 * @param overallStatus its overall recruitment status; null when the record gives none
 * @param score the relevance score (NaN when sorted by something else and not scored)
 * @param snippets passages of the trial's text with the matching words marked {@code <b>...</b>}, best first
 * @param nearestRecruitingSite the nearest site whose own status is RECRUITING (with its distance when the query gave
 *     a point); without a point, the first recruiting site listed; empty when no site recruits
 * @param statusVerified the registry's status verified date as written ("2024-05"), or null
 * @param staleStatus true when the status was last verified more than two years before the query's as-of date
 */
public record TrialHit(
    String nctId,
    String title,
    RecruitmentStatus overallStatus,
    float score,
    List<Snippet> snippets,
    Optional<SiteHit> nearestRecruitingSite,
    String statusVerified,
    boolean staleStatus) {

  public TrialHit {
    snippets = List.copyOf(snippets);
  }

  /**
   * A highlighted passage.
   *
   * @param field the field it comes from (see {@code TrialFields}: title, summary, conditions, criteria...)
   * @param html the passage, escaped as HTML, matches in {@code <b>} tags
   */
  public record Snippet(String field, String html) {}
}
