package org.eligo.core.evidence;

import java.util.regex.Pattern;

/** Whether a publication is tied to a registered trial: either established from a cited source, or not established. */
public sealed interface TrialRegistration {

  /**
   * The publication reports the trial under this NCT number.
   *
   * @param nctId "NCT" and 8 digits
   * @param source where the link was read (a URL or reference)
   */
  record Registered(String nctId, String source) implements TrialRegistration {
    private static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");

    public Registered {
      CohortOutcome.requireText(source, "source");
      if (nctId == null || !NCT_ID.matcher(nctId).matches()) {
        throw new IllegalArgumentException("not an NCT number (NCT and 8 digits): '" + nctId + "'");
      }
    }
  }

  /**
   * No registration could be established.
   *
   * @param reason why not, for the reader
   */
  record NotEstablished(String reason) implements TrialRegistration {
    public NotEstablished {
      CohortOutcome.requireText(reason, "reason");
    }
  }
}
