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

  /**
   * Where a reason or a context begins in a medication's name; "from", "instead of", "in place of", "replacing" name
   * the drug a switch left ("Switched to eltrombopag from romiplostim": DECISIONS 98).
   */
  private static final Pattern REASON = Pattern.compile("(?i)(?:\\s*[,;(\\-–]\\s*|\\s+)(?:for|to\\s+reverse|reversing"
      + "|due\\s+to|secondary\\s+to|because\\s+of|on|while\\s+on|in\\s+setting\\s+of|after|prior\\s+to|before|from"
      + "|instead\\s+of|in\\s+place\\s+of|replacing)\\b");

  /** Whether any of {@code words} (names joined by " | ") gives a reason or a context after a product. */
  public static boolean hasReason(String words) {
    if (words == null) return false;
    for (String name : words.split(" \\| ")) if (head(name) != null) return true;
    return false;
  }

  /**
   * Words that, alone before "on" or "for", say how or why the patient takes the drug named after it, and name no
   * product: "Started on eltrombopag 50 mg daily", "Pt on eculizumab 900 mg IV q2w", "Continue on prednisone 10 mg",
   * "Patient remains on cyclosporine", "Maintenance therapy for PNH: ravulizumab" (DECISIONS 98). A word not listed
   * may be a product Eligo does not know ("Andexxa for apixaban reversal"): such a head is still cut, never skipped,
   * so the drug named after it is not read as the one given. Words that say the drug stopped ("stopped", "held",
   * "off", "discontinued") are deliberately not here.
   */
  private static final java.util.Set<String> NO_PRODUCT = java.util.Set.of("started", "start", "starting", "restart",
      "restarted", "restarting", "re-started", "initiated", "commenced", "began", "begun", "continue", "continued",
      "continues", "continuing", "cont", "resume", "resumed", "resuming", "remain", "remains", "remained",
      "remaining", "maintained", "kept", "placed", "put", "switched", "changed", "transitioned", "now", "currently",
      "still", "already", "also", "stable", "pt", "patient", "is", "has", "been", "being", "taper",
      "tapering", "maintenance", "therapy", "treatment", "tx", "induction", "consolidation", "ongoing", "chronic",
      "long-term", "current", "medication", "regimen");

  /** The cues after which the drug named may be the one given: "on", "while on", "for". */
  private static final Pattern MAY_NAME_THE_DRUG = Pattern.compile("(?i)(?:while\\s+)?on|for");

  /**
   * The product a name gives before its reason, or null when it gives no reason (or only a reason). Words before
   * "on"/"for" that name no product ({@link #NO_PRODUCT}) are no head: the product is named after the cue, and is cut
   * there in turn when a reason follows it ("Started on FFP 2 units for reversal of warfarin" is "FFP 2 units").
   */
  static String head(String name) {
    if (name == null) return null;
    Matcher m = REASON.matcher(name);
    int from = 0; // where the product's name begins
    while (m.find()) {
      String head = name.substring(from, Math.max(from, m.start())).strip();
      if (head.isEmpty()) return null;
      String cue = name.substring(m.start(), m.end()).replaceAll("^[\\s,;(\\-–]+", "");
      // the words up to the next cue are the product, unless they say what was reversed ("for warfarin reversal")
      Matcher next = REASON.matcher(name);
      String product = name.substring(m.end(), next.find(m.end()) ? next.start() : name.length());
      // "Placed on hold: warfarin", "Put on hold - apixaban": the words after the cue say the drug stopped (§98 review)
      if (namesNoProduct(head) && MAY_NAME_THE_DRUG.matcher(cue).matches()
          && !product.toLowerCase(java.util.Locale.ROOT).contains("revers") && !STOPPED_FIRST.matcher(product).find()) {
        from = m.end();
        continue;
      }
      return head;
    }
    if (from == 0) return null;
    String rest = name.substring(from).replaceAll("^[\\s:,;\\-–]+", "").strip();
    return rest.isEmpty() ? null : rest;
  }

  /**
   * A name that opens with words saying the drug was stopped, held or is to be ("Discontinue eltrombopag", "Stopped
   * eculizumab", "Hold warfarin", "D/C apixaban", "Off rivaroxaban since 2025", "Weaned off prednisone", "On hold:
   * warfarin"), or closes with them ("Warfarin 5 mg (discontinued)", "Apixaban - held", "Rivaroxaban 20 mg: on hold").
   */
  private static final Pattern STOPPED_FIRST = Pattern.compile("(?i)^[\\s:,;\\-–(]*(?:discontinu(?:e|ed|es|ing)|stop(?:s|ped"
      + "|ping)?|hold|held|holding|d/c(?:'?d)?|dc'?d|cease[ds]?|off(?![\\s-]*label)|(?:weaned|tapered)\\s+off"
      + "|(?:placed|put|kept)\\s+on\\s+hold|on\\s+hold)\\b");
  /** Words that say the drug stopped wherever they stand: "Started on 01/2024, discontinued 06/2024: eltrombopag". */
  private static final Pattern STOPPED_ANYWHERE = Pattern.compile("(?i)\\b(?:discontinued|stopped|ceased|on\\s+hold)\\b");
  private static final Pattern STOPPED_LAST = Pattern.compile("(?i)(?:[-–(\\[,:;]\\s*|\\s)(?:discontinued|stopped|held|hold"
      + "|on\\s+hold|d/c'?d?|dc'?d|ceased)\\s*[)\\]]?\\s*\\.?\\s*$");

  /**
   * Whether any of {@code words} (names joined by " | ") says the drug was stopped or held ({@link #STOPPED_FIRST}):
   * an entry still "active" is then not read as taken now (DECISIONS 98 review), as a status "on-hold" is not.
   */
  public static boolean saysStopped(String words) {
    if (words == null) return false;
    for (String name : words.split(" \\| ")) {
      if (STOPPED_FIRST.matcher(name).find() || STOPPED_LAST.matcher(name).find()
          || STOPPED_ANYWHERE.matcher(name).find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether every word of {@code words} is one of {@link #NO_PRODUCT}. */
  private static boolean namesNoProduct(String words) {
    for (String w : words.toLowerCase(java.util.Locale.ROOT).split("[\\s,:;/]+")) {
      String word = w.replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
      if (!word.isEmpty() && !NO_PRODUCT.contains(word)) return false;
    }
    return true;
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
