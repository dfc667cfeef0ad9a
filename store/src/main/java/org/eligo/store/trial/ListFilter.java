package org.eligo.store.trial;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eligo.core.trial.RecruitmentStatus;

/**
 * Which stored studies to list, in NCT order.
 *
 * @param statuses overall statuses to keep (API v2 names); empty keeps all
 * @param conditionText text a condition name must contain, ignoring case; null or blank keeps all
 * @param limit at most this many rows, 1 to {@value #MAX_LIMIT}
 * @param offset rows to skip first
 */
public record ListFilter(Set<String> statuses, String conditionText, int limit, int offset) {

  public static final int MAX_LIMIT = 10_000;

  public ListFilter {
    statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    if (conditionText != null && conditionText.isBlank()) conditionText = null;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative, was " + offset);
  }

  /** All studies, the first {@code limit} of them. */
  public static ListFilter firstPage(int limit) {
    return new ListFilter(Set.of(), null, limit, 0);
  }

  public ListFilter withStatuses(RecruitmentStatus... wanted) {
    return new ListFilter(Arrays.stream(wanted).map(Enum::name).collect(Collectors.toSet()), conditionText, limit,
        offset);
  }

  public ListFilter withConditionText(String text) {
    return new ListFilter(statuses, text, limit, offset);
  }

  public ListFilter withPage(int newLimit, int newOffset) {
    return new ListFilter(statuses, conditionText, newLimit, newOffset);
  }
}
