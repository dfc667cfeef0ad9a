package org.eligo.fhir;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.patient.Unidentified;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Blood products given as a Procedure or a medication (MedicationAdministration, MedicationStatement, …), named the
 * way blood banks and hospital systems write them (DECISIONS 87): "PRBC 1 unit", "pRBC transfusion", "Red Blood Cells,
 * Leukocytes Reduced", "Apheresis Platelets, Irradiated", "Transfusion of red blood cells (procedure)". The
 * terminology reads only the names criteria use ("red blood cell transfusion"), so these were no transfusion at all:
 * "At least 1 RBC transfusion in the 16 weeks before enrollment" failed a patient who was transfused.
 *
 * <p>An entry read here as red cells or platelets carries that transfusion's concepts. An entry that is a blood product
 * or a transfusion of no kind Eligo can tell ("FFP 2 units", "Whole blood", "Red cell exchange", "Blood product
 * administered", an ISBT 128 product code) carries {@link Unidentified#BLOOD_PRODUCT}: it never meets a criterion,
 * and leaves every transfusion criterion it could answer open. Entries that name a blood cell without being a
 * transfusion (a count, an antibody screen, a donation, plasma exchange, platelet-rich plasma) are left as they were.
 */
public final class BloodProducts {
  private BloodProducts() {}

  /**
   * Whether {@link #refine} may read a code otherwise than the terminology did ({@code concepts}), from its words
   * ({@code text}: its text and displays) or code systems: a reader that does not read blood products itself (the
   * screening module's fast reader) leaves such an entry to the FHIR reader, so both read it the same way.
   */
  public static boolean mayName(String text, List<String> systems, Set<String> concepts) {
    if (mayMentionOnly(text, concepts)) return true; // "Consent for blood transfusion" (§87 amendment)
    if (concepts.contains("red-cell-transfusion") || concepts.contains("platelet-transfusion")) return false;
    for (String c : concepts) if (!c.equals("transfusion") && !Unidentified.CONCEPT.equals(c)) return false;
    if (concepts.contains("transfusion")) {
      // a transfusion of no stated kind the terminology read: only a kind in its words or codes changes it
      for (String system : systems) if (V2_BLOOD_PRODUCT.equalsIgnoreCase(system)) return true;
      return text != null && (RED.matcher(text).find() || PLATELET.matcher(text).find());
    }
    return mayName(text, systems);
  }

  private static boolean mayName(String text, List<String> systems) {
    for (String system : systems) {
      String s = system == null ? "" : system.toLowerCase(Locale.ROOT);
      if (s.equalsIgnoreCase(V2_BLOOD_PRODUCT) || s.contains("isbt") || s.contains("iccbba")) return true;
    }
    return text != null && (RED.matcher(text).find() || PLATELET.matcher(text).find() || OTHER.matcher(text).find());
  }

  /** Words that say the entry is about blood cells but no transfusion of them. */
  private static final Pattern NOT_GIVEN = Pattern.compile("(?i)\\b(?:anti|plasma\\s*(?:exchange|pheresis)|plasmapheresis"
      + "|therapeutic\\s+plasma|donat\\w*|donor|collect\\w*|harvest\\w*|antibod\\w*|antigens?|cross-?match\\w*|typing"
      + "|type\\s+and\\s+screen|counts?|smear|morpholog\\w*|aggregation|inhibitors?|function|rich|prp|levels?|assay"
      + "|tests?|testing|survival|scan|mass|aplasia|disorders?|sedimentation|indices|distribution|folate|reaction"
      // a drug that acts on red cells or platelets is no transfusion of them ("Iron sucrose for red cell production")
      + "|production|stimulat\\w*|growth|iron|ferr\\w*|vitamin|folic|cobalamin)\\b");
  private static final Pattern RED = Pattern.compile("(?i)\\b(?:p?rbcs?|prbcs?|red\\s+(?:blood\\s+)?cells?"
      + "|erythrocytes?|packed\\s+cells|erythrocyte\\s+concentrates?)\\b");
  private static final Pattern PLATELET = Pattern.compile("(?i)\\b(?:platelets?|plts?|thrombocytes?"
      + "|platelet\\s+concentrates?)\\b");
  /** A blood product or a transfusion of no stated kind, or one of another kind than red cells or platelets. */
  private static final Pattern OTHER = Pattern.compile("(?i)\\b(?:transfus\\w*|blood\\s+(?:products?|components?"
      + "|units?)|whole\\s+blood|plasma|ffp|cryo\\w*|granulocytes?|leu[ck]o\\w*\\s*(?:reduced|depleted)"
      + "|leu[ck]o(?:reduced|depleted)|irradiated|isbt\\s*128|exchange|erythrocytapheresis|apheresis|pheresis)\\b");
  /** "Single donor platelets", "random-donor platelets": names of platelet products, not of a donation. */
  private static final Pattern DONOR_PLATELETS = Pattern.compile("(?i)\\b(?:single|random)[\\s-]+donor\\s+"
      + "(?=platelets?\\b)");
  /**
   * The words a blood bank's or an order's name of a red-cell or platelet product is made of besides the kind: units
   * and volumes, modifiers (leukoreduced, irradiated, washed, CMV-negative, HLA-matched, pooled, apheresis),
   * additive solutions, how it was given, ISBT 128 product codes ("E0336V00") and numbers. A name with other words
   * beside the kind ("for", "activator", "removal", "phenotyping", "gel") is a blood product of no kind Eligo can
   * tell: asked under the transfusion criteria, never taken for that transfusion (§87 review).
   */
  private static final Pattern PRODUCT_WORD = Pattern.compile("(?i)(?:\\d+(?:\\.\\d+)?|[a-z]\\d{4}[a-z0-9]{3}|x|x?\\d+x?"
      + "|\\d+(?:u|ml|cc|h|hr|hrs)|over|at|hours?|hrs?|h|minutes?|mins?|rate|started|completed|of|and"
      + "|with|in|into|the|a|per|via|units?|u|ml|cc|doses?|bags?|aliquots?|split|products?|components?|blood"
      + "|concentrates?|packed|leu[ck]o(?:cytes?|reduced|depleted|poor)?|reduced|depleted|poor|lr|lrd|irradiated|irr"
      + "|washed|cmv|negative|neg|seronegative|safe|hla|matched|compatible|pooled|pool|apheresis|pheresis|single"
      + "|random|as|as1|as3|as5|adsol|sagm|cpd|cpda|cpda1|additive|solution|nutricel|optisol|neonatal|neo|pediatric"
      + "|paediatric|infant|volume|allogeneic|allogenic|nonautologous|autologous|directed|transfus\\w*|administer\\w*"
      + "|given|infus\\w*|issued|dispensed|procedure|peripheral|central|vein|venous|line|percutaneous|approach|iv"
      + "|intravenous|nos|prbcs?|p?rbcs?|red|cells?|erythrocytes?|platelets?|plts?|thrombocytes?"
      // plasma components' names (DECISIONS 92): "Fresh frozen plasma transfusion", "Cryoprecipitate 10 units"
      + "|plasma|ffp|fp24|fresh|frozen|thawed|cryo\\w*|ahf)");

  /** Whether every word of {@code text} is a word of a blood product's name ({@link #PRODUCT_WORD}). */
  private static boolean productWordsOnly(String text) {
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9.]+")) {
      String word = w.replaceAll("^\\.+|\\.+$", "");
      if (!word.isEmpty() && !PRODUCT_WORD.matcher(word).matches()) return false;
    }
    return true;
  }
  /** Words that make a red-cell or platelet entry no plain transfusion of that kind. */
  private static final Pattern MIXED = Pattern.compile("(?i)\\b(?:whole\\s+blood|plasma|ffp|cryo\\w*|granulocytes?"
      + "|exchange|erythrocytapheresis)\\b");

  /**
   * HL7 v2 table 0426 (Blood product code), as published at https://hl7.org/fhir/R4/v2/0426/v2-0426.cs.canonical.xml:
   * PC Packed Cells, PCA Autologous Packed Cells, PCNEO Packed Cells - Neonatal, PCW Washed Packed Cells; PLT Platelet
   * Concentrate, PLTNEO Reduced Volume Platelets, PLTP Pooled Platelets, PLTPH Platelet Pheresis, PLTPHLR Leukoreduced
   * Platelet Pheresis. The others (CRYO, CRYOP, FFP, FFPTH, RWB, WBA) are blood products of another kind.
   */
  static final String V2_BLOOD_PRODUCT = "http://terminology.hl7.org/CodeSystem/v2-0426";
  private static final Map<String, String> V2_KINDS = Map.ofEntries(Map.entry("PC", "red"), Map.entry("PCA", "red"),
      Map.entry("PCNEO", "red"), Map.entry("PCW", "red"), Map.entry("PLT", "platelet"), Map.entry("PLTNEO", "platelet"),
      Map.entry("PLTP", "platelet"), Map.entry("PLTPH", "platelet"), Map.entry("PLTPHLR", "platelet"),
      // plasma components (DECISIONS 92): CRYO Cryoprecipitated AHF, CRYOP Pooled Cryoprecipitate, FFP Fresh Frozen
      // Plasma, FFPTH its thawed form (https://hl7.org/fhir/DSTU2/v2/0426/v2-0426.json.html)
      Map.entry("FFP", "plasma"), Map.entry("FFPTH", "plasma"), Map.entry("CRYO", "plasma"),
      Map.entry("CRYOP", "plasma"));
  /** Plasma components named (DECISIONS 92): plasma, FFP, cryoprecipitate. */
  private static final Pattern PLASMA = Pattern.compile("(?i)\\b(?:plasma|ffp|fp24|cryo\\w*)\\b");
  /** The words of a plasma component's name, beside those of any blood product's. */
  private static final Pattern PLASMA_WORD = Pattern.compile("(?i)\\b(?:plasma|ffp|fp24|fresh|frozen|thawed|cryo\\w*"
      + "|ahf|solvent|detergent|treated|s/d|octaplas)\\b");
  /** Blood products beside plasma that make it no plasma alone. */
  private static final Pattern NOT_PLASMA_ALONE = Pattern.compile("(?i)\\b(?:whole\\s+blood|granulocytes?|exchange"
      + "|erythrocytapheresis|convalescent|hyperimmune)\\b");

  /** The entry's name, text and displays, as {@link #refine} and {@link #named} read them. */
  private static String words(CodeableConcepts.Meaning meaning, List<CodeableConcept> codes) {
    StringBuilder words = new StringBuilder(meaning.text());
    for (CodeableConcept cc : codes) {
      if (cc == null) continue;
      if (cc.hasText()) words.append(" | ").append(cc.getText());
      for (Coding c : cc.getCoding()) if (c.hasDisplay()) words.append(" | ").append(c.getDisplay());
    }
    return words.toString();
  }

  /**
   * Whether {@code text}, an entry's words in which the terminology found a transfusion, may name no transfusion: it
   * holds words that are not those of a transfusion's or a blood product's name ("Consent for blood transfusion",
   * "Platelet transfusion refractoriness", "Luspatercept for RBC transfusion burden"). A reader that does not read
   * such names itself (the screening module's fast reader) leaves the entry to the FHIR reader ({@link #named}).
   */
  public static boolean mayMentionOnly(String text, Set<String> concepts) {
    return Unidentified.aboutTransfusion(concepts) && text != null
        && !productWordsOnly(DONOR_PLATELETS.matcher(text).replaceAll(""));
  }

  /**
   * The meaning of an entry in whose name the terminology found a transfusion (DECISIONS 87, amendment): the
   * terminology finds "transfusion", "platelet transfusion", "RBC transfusion" inside any longer name, so "Consent for
   * blood transfusion", "Transfusion reaction workup", "Type and screen for possible transfusion", "Blood transfusion
   * declined", "Platelet transfusion refractoriness" were transfusions, failed "Transfusion-independent for at least 8
   * weeks" and were excluded under "Red blood cell transfusion within 4 weeks". The name is a transfusion only when
   * every other word is one of a transfusion's or a blood product's name ({@link #PRODUCT_WORD}: units, "of",
   * product words, modifiers, quantities, how it was given), or when a code says so. Else it mentions one without
   * being one proven: a drug's entry headed by a drug Eligo knows ({@code drug}: "Luspatercept for RBC transfusion
   * burden"; {@link #namedBeforeTransfusion}) is that drug and no transfusion; any other such entry keeps its other concepts and is a blood product of no kind
   * Eligo can tell ({@link Unidentified#BLOOD_PRODUCT}), which leaves the transfusion criteria it could answer open and
   * never meets one. Used for procedures, medications and diagnoses alike.
   */
  static CodeableConcepts.Meaning named(ResourceScope scope, CodeableConcepts.Meaning meaning,
                                        List<CodeableConcept> codes, boolean drug) {
    Set<String> concepts = meaning.concepts();
    if (!Unidentified.aboutTransfusion(concepts)) return meaning;
    for (CodeableConcept cc : codes) {
      if (cc == null) continue;
      for (Coding c : cc.getCoding()) {
        // a code Eligo reads as a transfusion (SNOMED CT 116863004) says what the entry is, whatever its words
        if (c.hasSystem() && c.hasCode()
            && Unidentified.aboutTransfusion(scope.terminology().conceptsForCode(c.getSystem(), c.getCode()))) {
          return meaning;
        }
      }
    }
    if (!mayMentionOnly(words(meaning, codes), concepts)) return meaning;
    Set<String> out = new LinkedHashSet<>(concepts);
    out.removeAll(Unidentified.TRANSFUSIONS);
    if (drug && namedBeforeTransfusion(scope, words(meaning, codes))) {
      scope.info("code", "names a transfusion beside a drug Eligo knows; read as that drug, not as a transfusion");
    } else {
      out.remove(Unidentified.CONCEPT);
      out.add(Unidentified.BLOOD_PRODUCT);
      scope.info("code", "mentions a transfusion among words that are not a blood product's name; whether it was one "
          + "stays open (UNKNOWN) under the transfusion criteria rather than counted");
    }
    return new CodeableConcepts.Meaning(Set.copyOf(out), meaning.text());
  }

  /** Where a transfusion's or a blood product's name may begin in an entry's words. */
  private static final Pattern TRANSFUSION_START = Pattern.compile("(?i)\\b(?:transfus\\w*|blood|packed|p?rbcs?"
      + "|red\\s+(?:blood\\s+)?cells?|erythrocytes?|platelets?|plts?|thrombocytes?)\\b");

  /**
   * Whether one of an entry's names ({@code words}: its name, text and displays) names something else before the
   * transfusion it mentions, as a drug's entry is headed by the drug: "Luspatercept for RBC transfusion burden",
   * "Deferasirox 360 mg (transfusional iron overload)". A name headed by the transfusion ("Red cell transfusion in
   * sickle cell disease", "Platelet transfusion in ITP", "PRBC transfusion, premedicated with hydrocortisone") may
   * record one: it is not read as the other concept alone (§87 amendment, review).
   */
  private static boolean namedBeforeTransfusion(ResourceScope scope, String words) {
    for (String name : words.split(" \\| ")) {
      java.util.regex.Matcher m = TRANSFUSION_START.matcher(name);
      String head = m.find() ? name.substring(0, m.start()) : name;
      Set<String> named = new LinkedHashSet<>(scope.terminology().conceptsForText(head));
      named.removeAll(Unidentified.TRANSFUSIONS);
      named.remove(Unidentified.CONCEPT);
      named.remove(Unidentified.BLOOD_PRODUCT);
      if (!named.isEmpty()) return true;
    }
    return false;
  }

  /**
   * The meaning of a Procedure's or a medication's code, with the blood product it names: red cells or platelets as
   * that transfusion, another or an unclear one as {@link Unidentified#BLOOD_PRODUCT}; else {@code meaning} unchanged.
   * A name that only mentions a transfusion is read first ({@link #named}; {@code drug}: a medication's code).
   */
  static CodeableConcepts.Meaning refine(ResourceScope scope, CodeableConcepts.Meaning meaning,
                                         List<CodeableConcept> codes, boolean drug) {
    meaning = named(scope, meaning, codes, drug);
    Set<String> concepts = meaning.concepts();
    if (concepts.contains("red-cell-transfusion") || concepts.contains("platelet-transfusion")) return meaning;
    for (String c : concepts) {
      // a drug or procedure Eligo knows by another name ("eltrombopag", "plasma exchange") is what it is
      if (!c.equals("transfusion") && !Unidentified.CONCEPT.equals(c)) return meaning;
    }
    String kind = null;
    boolean product = false;
    for (CodeableConcept cc : codes) {
      if (cc == null) continue;
      for (Coding c : cc.getCoding()) {
        String system = c.hasSystem() ? c.getSystem().toLowerCase(Locale.ROOT) : "";
        if (V2_BLOOD_PRODUCT.equalsIgnoreCase(system) && c.hasCode()) {
          product = true;
          String k = V2_KINDS.get(c.getCode().strip().toUpperCase(Locale.ROOT));
          if (k != null) kind = kind == null || kind.equals(k) ? k : "mixed";
        } else if (system.contains("isbt") || system.contains("iccbba")) {
          product = true; // an ISBT 128 product code: a blood (or other human-origin) product of a kind not read here
        }
      }
    }
    String text = DONOR_PLATELETS.matcher(words(meaning, codes)).replaceAll("");
    if (!product && NOT_GIVEN.matcher(text).find()) return meaning;
    boolean red = RED.matcher(text).find();
    boolean platelet = PLATELET.matcher(text).find();
    product |= red || platelet || OTHER.matcher(text).find();
    if (!product) return meaning;
    // red cells or platelets named beside words of no blood product's name ("Mitapivat 50 mg (activator for red
    // cells)", "Therapeutic phlebotomy (removal of red blood cells)") are no transfusion of them proven: of no kind
    // Eligo can tell, asked under the transfusion criteria (§87 review)
    if (kind == null && !MIXED.matcher(text).find() && red != platelet && productWordsOnly(text)) {
      kind = red ? "red" : "platelet";
    }
    // plasma, FFP, cryoprecipitate alone: a transfusion of plasma, no red cells or platelets (DECISIONS 92)
    if (kind == null && !red && !platelet && PLASMA.matcher(text).find() && !NOT_PLASMA_ALONE.matcher(text).find()
        && productWordsOnly(PLASMA_WORD.matcher(text).replaceAll(" "))) {
      kind = "plasma";
    }
    Set<String> out = new LinkedHashSet<>(concepts);
    if ("red".equals(kind) || "platelet".equals(kind) || "plasma".equals(kind)) {
      out.remove(Unidentified.CONCEPT);
      out.remove("transfusion"); // "Blood transfusion" of no stated kind: now of this kind (its closure adds it back)
      String name = kind.equals("red") ? "red blood cell" : kind;
      out.addAll(scope.terminology().conceptsForText(name + " transfusion"));
      scope.info("code", "read as a " + name + " transfusion");
    } else if (!concepts.contains("transfusion")) {
      out.add(Unidentified.BLOOD_PRODUCT);
      scope.info("code", "a blood product or transfusion whose kind Eligo cannot tell; the transfusion criteria it "
          + "could answer stay open (UNKNOWN) rather than ruled out");
    } else {
      return meaning; // a transfusion of no stated kind, read as such (DECISIONS 77)
    }
    String name = meaning.text().isEmpty() || Unidentified.marks(concepts) && !Unidentified.marks(out)
        ? CodeableConcepts.textOf(codes.isEmpty() ? null : codes.getFirst()) : meaning.text();
    return new CodeableConcepts.Meaning(Set.copyOf(out), name.isEmpty() ? meaning.text() : name);
  }

  /**
   * The units of blood product a name gives ("PRBC 2 units", "Platelets 1 apheresis unit", "pRBCs x2", "RBC 2 U"),
   * else null: none, or numbers that disagree (DECISIONS 92). A volume ("300 mL") is no number of units.
   */
  public static Integer unitsIn(String text) {
    if (text == null) return null;
    Integer found = null;
    Matcher m = UNITS.matcher(text);
    while (m.find()) {
      int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
      if (found != null && found != n) return null;
      found = n;
    }
    return found == null || found < 1 ? null : found;
  }

  private static final Pattern UNITS = Pattern.compile("(?i)(?<![\\d.,/])(\\d{1,2})\\s*(?:(?:apheresis|pheresis|adult|"
      + "pediatric|paediatric|bags?\\s+of|of)\\s+)?(?:units?|u)\\b(?![./]\\s*\\w)|(?:^|[\\s(,;])[x\u00d7]\\s*(\\d{1,2})\\b(?![.,]\\d)");

  /** A dose given in units of blood product ("U", "unit", "{unit}", UCUM "[U]" is enzyme units and is not read). */
  public static Integer unitsOfDose(java.math.BigDecimal value, String unit, String code) {
    if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.intValue() > 99) {
      return null;
    }
    for (String u : new String[] {unit, code}) {
      if (u != null && DOSE_UNIT.matcher(u.strip()).matches()) return value.intValue();
    }
    return null;
  }

  private static final Pattern DOSE_UNIT = Pattern.compile("(?i)\\{?(?:units?|u|unt)\\}?");

  /** Whether the concepts name a transfusion of any kind (whose units a reader records). */
  public static boolean transfusion(Set<String> concepts) {
    return Unidentified.aboutTransfusion(concepts);
  }

  /** The units the codes' texts and displays give, else null ({@link #unitsIn}). */
  static Integer unitsOf(List<CodeableConcept> codes) {
    StringBuilder words = new StringBuilder();
    for (CodeableConcept cc : codes) {
      if (cc == null) continue;
      if (cc.hasText()) words.append(cc.getText()).append(" | ");
      for (Coding c : cc.getCoding()) if (c.hasDisplay()) words.append(c.getDisplay()).append(" | ");
    }
    return unitsIn(words.toString());
  }

  /** Two readings of one entry's size: the one they agree on, the one given when the other is not, else null. */
  static Integer agree(Integer a, Integer b) {
    return a == null ? b : b == null || a.equals(b) ? a : null;
  }
}
