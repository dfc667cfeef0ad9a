package org.eligo.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * A medication entry's name that gives, after the product given, why or on what it was given (DECISIONS 96): "Fresh
 * frozen plasma 4 units for reversal of warfarin", "Vitamin K 10 mg IV for warfarin reversal", "Protamine to reverse
 * heparin", "Platelets 1 unit for procedure on clopidogrel", "Prednisone due to ITP flare". The product is the name's
 * head, before the first such word; the drug named as the reason is not what the patient was given.
 */
public final class MedicationReasons {
  private MedicationReasons() {}

  /** Where a reason or a context begins in a medication's name. */
  private static final Pattern REASON = Pattern.compile("(?i)(?:\\s*[,;(\\-–]\\s*|\\s+)(?:for|to\\s+reverse|reversing"
      + "|due\\s+to|secondary\\s+to|because\\s+of|on|while\\s+on|in\\s+setting\\s+of|after|prior\\s+to|before)\\b");

  /** Whether any of {@code words} (names joined by " | ") gives a reason or a context after a product. */
  public static boolean hasReason(String words) {
    if (words == null) return false;
    for (String name : words.split(" \\| ")) if (head(name) != null) return true;
    return false;
  }

  /** The product a name gives before its reason, or null when it gives no reason (or only a reason). */
  static String head(String name) {
    if (name == null) return null;
    Matcher m = REASON.matcher(name);
    if (!m.find() || m.start() == 0) return null;
    String head = name.substring(0, m.start()).strip();
    return head.isEmpty() ? null : head;
  }

  /** {@code cc} with each name cut to its head; null when no name gives a reason. Codes are kept as they are. */
  static CodeableConcept heads(CodeableConcept cc) {
    if (cc == null) return null;
    boolean cut = false;
    CodeableConcept out = cc.copy();
    if (out.hasText() && head(out.getText()) != null) {
      out.setText(head(out.getText()));
      cut = true;
    }
    for (Coding c : out.getCoding()) {
      if (c.hasDisplay() && head(c.getDisplay()) != null) {
        c.setDisplay(head(c.getDisplay()));
        cut = true;
      }
    }
    return cut ? out : null;
  }
}
