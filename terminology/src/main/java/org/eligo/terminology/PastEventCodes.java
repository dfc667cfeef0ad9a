package org.eligo.terminology;

import java.util.List;
import java.util.Locale;

/**
 * ICD-10-CM codes that themselves put an event in the patient's past, whatever words the entry carries (DECISIONS 68):
 * I25.2 old myocardial infarction (healed, or more than four weeks after onset: ICD-10-CM counts I21 acute myocardial
 * infarction only within 4 weeks; legalclarity.org/history-of-mi-icd-10-code-i25-2-acute-vs-old-mi-coding and
 * aapc.com "ICD-10-CM: I25.2 and 412 Look the Same"), I69 sequelae of cerebrovascular disease (conditions present one
 * year or more after the onset of the causal condition, or specified as late effects: classbrowser.nhs.uk ICD-10 block
 * I60-I69; icdlist.com/icd-10/I69) and Z86.7 personal history of diseases of the circulatory system (Z86.711
 * pulmonary embolism, Z86.718 other venous thrombosis, Z86.73 cerebral infarction without residual deficit; I26 and
 * I69 Excludes notes). An entry so coded and named "NSTEMI" or "Stroke" is the patient's at an unknown past time: its
 * onset is when it was written, not when the event began, as for "History of …" in words.
 */
public final class PastEventCodes {
  private static final List<String> PREFIXES = List.of("I252", "I69", "Z867");

  private PastEventCodes() { }

  /** Whether the code of the system names a past event rather than the event. */
  public static boolean namesAPastEvent(String system, String code) {
    if (system == null || code == null || !CodeSystems.ICD10CM.equals(system)) return false;
    String bare = code.replace(".", "").trim().toUpperCase(Locale.ROOT);
    for (String prefix : PREFIXES) {
      if (bare.startsWith(prefix)) return true;
    }
    return false;
  }
}
