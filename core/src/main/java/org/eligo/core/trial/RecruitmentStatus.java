package org.eligo.core.trial;

import java.util.EnumSet;
import java.util.Set;

/** API v2 {@code Status}: the overall recruitment status of a study, also used for each site. */
public enum RecruitmentStatus {
  ACTIVE_NOT_RECRUITING, COMPLETED, ENROLLING_BY_INVITATION, NOT_YET_RECRUITING, RECRUITING, SUSPENDED,
  TERMINATED, WITHDRAWN, AVAILABLE, NO_LONGER_AVAILABLE, TEMPORARILY_NOT_AVAILABLE, APPROVED_FOR_MARKETING,
  WITHHELD, UNKNOWN;

  private static final Set<RecruitmentStatus> OPEN =
      EnumSet.of(RECRUITING, NOT_YET_RECRUITING, ENROLLING_BY_INVITATION);

  /** True for the statuses under which a person may still join: recruiting, not yet recruiting, by invitation. */
  public boolean isOpenToEnrolment() {
    return OPEN.contains(this);
  }

  /** "Not yet recruiting" for {@code NOT_YET_RECRUITING}. */
  public String label() {
    String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
