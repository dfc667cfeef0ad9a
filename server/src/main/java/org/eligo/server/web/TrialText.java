package org.eligo.server.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eligo.core.trial.DateStruct;
import org.eligo.core.trial.Design;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Trial;

/** Registry values in words for pages: statuses, phases, ages, enum names, dates and one-line summaries. */
public final class TrialText {
  private TrialText() {}

  static String status(Messages m, RecruitmentStatus status) {
    // No status at all is not the registry's UNKNOWN (a status not verified for two years).
    return m.get(status == null ? "status.notGiven" : "status." + status.name());
  }

  /** A status badge: green for statuses open to enrolment, grey otherwise. */
  static String badge(Messages m, RecruitmentStatus status) {
    boolean open = status != null && status.isOpenToEnrolment();
    return "<span class=\"badge " + (open ? "open" : "closed") + "\">" + Html.escape(status(m, status)) + "</span>";
  }

  static String phases(Trial t) {
    if (t.design() == null || t.design().phases().isEmpty()) return "";
    return t.design().phases().stream().map(Design.Phase::label).collect(Collectors.joining(", "));
  }

  static String ages(Messages m, Eligibility e) {
    if (e == null) return m.get("age.any");
    RegistryAge min = safe(e.minimumAge());
    RegistryAge max = safe(e.maximumAge());
    if (min != null && max != null) return m.get("age.range", min.toString(), max.toString());
    if (min != null) return m.get("age.from", min.toString());
    if (max != null) return m.get("age.upTo", max.toString());
    return m.get("age.any");
  }

  private static RegistryAge safe(String text) {
    try {
      return RegistryAge.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** "SINGLE_GROUP" → "Single group". */
  static String words(Enum<?> value) {
    if (value == null) return "";
    if (value.name().equals("NA")) return "Not applicable";
    String w = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** A facet value in words: phases and enum names made readable, registry text as is. */
  static String facetValue(String dimension, String value) {
    if (dimension.equals("phase")) {
      try {
        return Design.Phase.valueOf(value).label();
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
    if (value.matches("[A-Z_]+")) {
      String w = value.replace('_', ' ').toLowerCase(Locale.ROOT);
      return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
    if (value.equals("true")) return "Yes";
    if (value.equals("false")) return "No";
    return value;
  }

  static String date(Messages m, DateStruct d) {
    if (d == null || d.date() == null) return null;
    return d.date().text() + (d.isEstimated() ? " " + m.get("trial.estimated") : "");
  }

  /** The first sentence of the brief summary, at most about 220 characters. */
  static String oneLine(Trial t) {
    String s = t.description() == null ? null : t.description().briefSummary();
    if (s == null || s.isBlank()) return "";
    s = s.replaceAll("\\s+", " ").strip();
    int end = s.indexOf(". ");
    if (end > 40 && end < 220) return s.substring(0, end + 1);
    return s.length() <= 220 ? s : s.substring(0, s.lastIndexOf(' ', 217)) + "…";
  }

  static String join(List<String> values) {
    return values == null ? "" : String.join(", ", values);
  }

  /**
   * Whether the registry says the trial takes no one new (completed, terminated, withdrawn, active but not
   * recruiting...). A trial whose status is missing or not verified (UNKNOWN) may still take people: it is not closed.
   */
  public static boolean closedToNewPeople(org.eligo.core.trial.Trial t) {
    if (t.status() == null || t.status().overallStatus() == null) return false;
    RecruitmentStatus s = t.status().overallStatus();
    return s != RecruitmentStatus.UNKNOWN && !s.isOpenToEnrolment();
  }
}
