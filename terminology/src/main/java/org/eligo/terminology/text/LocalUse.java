package org.eligo.terminology.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a medication entry's words say it acts where it is applied rather than through the body: a cream or an
 * ointment, eye, ear or nose drops, an inhaler, a mouthwash, an injection into a joint, or a flush that keeps a
 * catheter open ("hydrocortisone 1 % topical cream", "heparin lock flush 100 unit/mL", route "Inhalation"). Such an
 * entry names the drug but may not be the treatment a criterion means (systemic steroids, anticoagulation), so it
 * should leave such criteria open rather than settle them. Patches and transdermal routes are not local: they are
 * given for their systemic effect.
 */
public final class LocalUse {
  private static final List<Pattern> WORDS = List.of(
      // dose forms applied to the skin or a surface
      word("cream"), word("ointment"), word("lotion"), word("foam"), word("shampoo"), word("paste"),
      word("topical"), word("topically"), word("cutaneous"), word("dermal"), word("skin"),
      // eyes, ears, nose, mouth, airways
      word("eye drops?"), word("ophthalmic"), word("eye"), word("otic"), word("ear drops?"), word("nasal"),
      word("nose"), word("intranasal"), word("mouthwash"), word("mouth ?rinse"), word("oromucosal"),
      word("inhaler"), word("inhaled"), word("inhalation"), word("nebuli[sz]ed"), word("nebuli[sz]er"),
      word("respiratory"),
      // local injections and instillations
      word("intra-?articular"), word("intralesional"), word("intravesical"), word("intrathecal"),
      word("vaginal"), word("pessary"), word("enema"), word("suppository"),
      // a flush or lock that keeps a line open
      word("flush"), word("lock"), word("line patency"), word("catheter patency"));

  private LocalUse() {}

  /** Whether {@code text} (a drug's name, form or route) says the drug is used locally. */
  public static boolean of(String text) {
    if (text == null || text.isBlank()) return false;
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("transdermal") || t.contains("patch")) return false;
    for (Pattern p : WORDS) if (p.matcher(t).find()) return true;
    return false;
  }

  private static Pattern word(String regex) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}\\p{N}])");
  }
}
