package org.eligo.terminology.text;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a medication entry's words say it acts where it is applied rather than through the body: a cream or an
 * ointment, eye, ear or nose drops, an inhaler, a mouthwash, an injection into a joint, or a flush that keeps a
 * catheter open ("hydrocortisone 1 % topical cream", "heparin lock flush 100 unit/mL", route "Inhalation"). Such an
 * entry names the drug but may not be the treatment a criterion means (systemic steroids, anticoagulation), so it
 * should leave such criteria open rather than settle them. Patches and transdermal routes are not local: they are
 * given for their systemic effect.
 *
 * <p>Read word by word (every medication of every record passes through here), so "Blocker" is not "lock".
 */
public final class LocalUse {
  /**
   * Single words that name a local form or route. Words that also appear in instructions or systemic names ("skin
   * rash", "nose bleed", "suppository" for a systemic drug, "intrathecal" chemotherapy) are left out: only the drug's
   * name, its form and its route are read, never the free-text instructions.
   */
  private static final Set<String> WORDS = Set.of(
      // dose forms applied to the skin or a surface
      "cream", "ointment", "lotion", "foam", "shampoo", "paste", "topical", "topically", "cutaneous", "dermal",
      // eyes, ears, nose, mouth, airways
      "ophthalmic", "otic", "intranasal", "mouthwash", "oromucosal", "inhaler", "inhaled", "inhalation",
      "nebulised", "nebulized", "nebuliser", "nebulizer",
      // local injections and instillations
      "intraarticular", "intralesional", "intravesical", "vaginal", "pessary", "enema");
  /** A flush or lock that keeps a line open: local even though it goes into a vein. */
  private static final Set<String> LINE_WORDS = Set.of("flush", "lock");
  /** Two-word names, as adjacent words. */
  private static final Set<String> PAIRS = Set.of("intra articular", "mouth rinse", "eye drop", "eye drops",
      "ear drop", "ear drops", "nasal spray", "nose drops");
  /** Two-word names of keeping a line open. */
  private static final Set<String> LINE_PAIRS = Set.of("line patency", "catheter patency");
  /** Words that make a drug systemic whatever else is said: a patch, or a route through the body. */
  private static final Set<String> SYSTEMIC = Set.of("transdermal", "patch", "patches", "oral", "orally",
      "intravenous", "intravenously", "iv", "subcutaneous", "subcutaneously", "sc", "intramuscular", "im",
      "sublingual");

  private LocalUse() {}

  /**
   * Whether {@code text} (a drug's name, form or route, never its free-text instructions) says the drug is used
   * locally.
   */
  public static boolean of(String text) {
    if (text == null || text.isBlank()) return false;
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    boolean local = false;
    boolean systemic = false;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      String pair = i > 0 ? words[i - 1] + " " + w : "";
      if (LINE_WORDS.contains(w) || LINE_PAIRS.contains(pair)) return true;
      systemic |= SYSTEMIC.contains(w);
      local |= WORDS.contains(w) || PAIRS.contains(pair);
    }
    return local && !systemic;
  }
}
