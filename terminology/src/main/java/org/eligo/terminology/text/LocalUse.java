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
  /** Single words that name a local form or route. */
  private static final Set<String> WORDS = Set.of(
      // dose forms applied to the skin or a surface
      "cream", "ointment", "lotion", "foam", "shampoo", "paste", "topical", "topically", "cutaneous", "dermal",
      "skin",
      // eyes, ears, nose, mouth, airways
      "eye", "ophthalmic", "otic", "ear", "nasal", "nose", "intranasal", "mouthwash", "oromucosal", "inhaler",
      "inhaled", "inhalation", "nebulised", "nebulized", "nebuliser", "nebulizer", "respiratory",
      // local injections and instillations
      "intraarticular", "intralesional", "intravesical", "intrathecal", "vaginal", "pessary", "enema", "suppository",
      // a flush or lock that keeps a line open
      "flush", "lock");
  /** Two-word names, as adjacent words. */
  private static final Set<String> PAIRS = Set.of("intra articular", "mouth rinse", "line patency",
      "catheter patency");
  /** Words that make a drug systemic whatever else is said. */
  private static final Set<String> SYSTEMIC = Set.of("transdermal", "patch", "patches");

  private LocalUse() {}

  /** Whether {@code text} (a drug's name, form or route) says the drug is used locally. */
  public static boolean of(String text) {
    if (text == null || text.isBlank()) return false;
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    boolean local = false;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (SYSTEMIC.contains(w)) return false;
      if (WORDS.contains(w) || (i > 0 && PAIRS.contains(words[i - 1] + " " + w))) local = true;
    }
    return local;
  }
}
