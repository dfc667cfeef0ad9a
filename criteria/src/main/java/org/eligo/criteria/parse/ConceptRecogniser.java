package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.Unparsed;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Turns the diseases, drugs, procedures and vaccines a sentence names into history rules, timed by the sentence's time
 * words ({@link TimeRecogniser}): an explicit window for all, else the nearest "history of"/"previous" (ever) or
 * "current"/"active" (now) word. A drug with no time word at all is read the way that excludes fewer people: taken at
 * any time for an inclusion, taken now for an exclusion. A time form a kind of rule cannot hold (conditions "for at
 * least 3 months") becomes a question. "Infection with HIV" reads as HIV; an abbreviation in parentheses after its
 * name ("acquired aplastic anemia (AA)") is the same mention. A disease a treatment is said to be for, with no drug or
 * procedure naming the treatment ("treatment of a malignancy", "lymphoma treated within 3 years"), is the disease at
 * any time and a question whether (and when) it was treated.
 */
final class ConceptRecogniser implements Recogniser {
  private static final Pattern OPEN_PAREN = Pattern.compile("\\s*\\(\\s*");
  private static final Pattern INFECTION_WITH = Pattern.compile("\\s*(?:with|by|of|due to|caused by)\\s+");

  private static final Pattern OTHER_BEFORE = Pattern.compile("\\b(?:an)?other\\s+(?:[a-z-]+\\s+){0,2}$");

  private static final String MAY_HAVE_GRANT = "(?:may|can|could) (?:also |still )?(?:have (?:received|had|undergone"
      + "|been (?:treated|exposed|on))|continue|remain on|be (?:on|receiving|taking|using|treated))";
  /**
   * A parenthesis (or brackets) that allows something: "(direct oral anticoagulants are allowed)", "(low-dose aspirin
   * permitted)", "[patients may have received corticosteroids]".
   */
  private static final Pattern ALLOWANCE = Pattern.compile("[(\\[](?<body>[^()\\[\\]]*(?<!not |never |n't )\\b(?:allowed"
      + "|permitted|acceptable|may be (?:used|continued|taken|given)"
      // "(patients may have received corticosteroids)": a grant in a parenthesis, as MAY_HAVE reads it alone
      + "|" + MAY_HAVE_GRANT + ")\\b[^()\\[\\]]*)[)\\]]"
      // "No prior eltrombopag; patients may have received corticosteroids": the same grant as a last clause of its own
      // (after a semicolon, a dash or a full stop); read under the "no", every patient on prednisone failed
      + "|(?:;|\\s[-\u2013\u2014]\\s|\\.\\s)\\s*(?:all\\s+)?(?:patients|subjects|participants)\\s+" + MAY_HAVE_GRANT
      + "\\b[^;()\\[\\]]*$");

  @Override
  public void read(Sentence s) {
    List<int[]> allowances = new ArrayList<>();
    Matcher a = ALLOWANCE.matcher(s.lower);
    while (a.find()) allowances.add(new int[] {a.start(), a.end()});
    Set<String> allowed = new java.util.LinkedHashSet<>();
    readMentions(s, allowances, allowed);
    // everything an allowance names is an exception, read or not: never a requirement left unread. The allowance itself
    // stays a question ("ANC ≥ 1.0 × 10^9/L (growth factor support permitted)" may be met with support to come).
    for (int[] span : allowances) {
      // "Age ≥ 18 years (or ≥ 16 years in countries where permitted)": read whole by the pass that asks its own question
      if (s.readAll(span[0], span[1])) continue;
      if (s.hedges.stream().noneMatch(h -> h.family().equals("permitted") && h.start() >= span[0] && h.end() <= span[1])) {
        s.hedge(span[0], span[1], "permitted", null);
      }
      s.explain(span[0], span[1]);
    }

  }

  private static boolean within(List<int[]> spans, int start, int end) {
    for (int[] span : spans) if (start >= span[0] && end <= span[1]) return true;
    return false;
  }

  private void readMentions(Sentence s, List<int[]> allowances, Set<String> allowed) {
    ConceptMention previous = null;
    ConceptMention treatedBefore = null; // the disease just read as one treated for, whose list may go on
    boolean previousContraindicated = false; // the treatment just named as one contraindicated, whose list may go on
    for (ConceptMention m : s.mentions) {
      if (m.kind() == ConceptKind.MEASURE) continue;
      if (within(allowances, m.start(), m.end()) && s.free(m.start(), m.end())) {
        allowed.add(m.id()); // an exception the sentence grants, never what it asks for
        s.explain(m.start(), m.end());
        Rule granted = switch (m.kind()) {
          case CONDITION -> new ConditionRule(Set.of(m.id()), Set.of(), TimeWindow.EVER, label(m));
          case DRUG -> new MedicationRule(Set.of(m.id()), MedicationTiming.EVER, label(m));
          case PROCEDURE -> new ProcedureRule(Set.of(m.id()), TimeWindow.EVER, label(m));
          case VACCINE -> new ImmunizationRule(Set.of(m.id()), TimeWindow.EVER, label(m));
          case MEASURE -> null;
        };
        if (granted != null) s.granted.add(new Reading(m.start(), m.end(), granted));
        previous = m;
        continue;
      }
      if (!s.free(m.start(), m.end()) || s.asideAny(m.start(), m.end())) {
        previous = m;
        continue;
      }
      if (previous != null && alias(s, previous, m)) {
        s.consume(m.start(), Math.min(s.lower.length(), m.end() + 1));
        continue;
      }
      if (previous != null && openingAlias(s, previous, m)) {
        // "hepatitis C (HCV RNA detectable)": the same disease named again to open a parenthesis that says more about
        // it; the reading spans the name again, so what the parenthesis says qualifies it rather than stands beside it
        // as an alternative (the abbreviation alone had excluded a cured hepatitis C)
        s.consume(m.start(), m.end());
        ConceptMention before = previous;
        s.readings.replaceAll(r -> r.end() == before.end() ? new Reading(r.start(), m.end(), r.rule()) : r);
        previous = new ConceptMention(previous.id(), previous.kind(), previous.start(), m.end(), previous.label());
        continue;
      }
      if (m.id().equals("infection") && infectionWith(s, m)) {
        s.consume(m.start(), m.end());
        continue;
      }
      if (m.id().equals("infection") && previous != null && previous.kind() == ConceptKind.CONDITION
          && s.lower.substring(previous.end(), m.start()).isBlank()) {
        s.consume(m.start(), m.end()); // "hepatitis C infection": the word names the infection just named
        continue;
      }
      if (m.id().equals("pregnancy") || m.id().equals("lactation")) continue;
      if (m.kind() == ConceptKind.CONDITION && DRUGS_FOR.matcher(s.lower).region(m.end(), s.lower.length())
          .lookingAt()) {
        previous = m;
        continue; // "AIA drugs" names drugs, not the disease
      }
      if ((m.kind() == ConceptKind.DRUG || m.kind() == ConceptKind.PROCEDURE) && contraindicated(s, m)
          && CONTRAINDICATION_ALTERNATIVE.matcher(s.lower.substring(0, m.start())).find()) {
        // "Active infection, or any condition contraindicating sirolimus", "HIV, hepatitis B, or any contraindication
        // to rituximab": the contraindication is an alternative of its own that no record holds. With the treatment
        // left unread the alternative vanished and every patient without the infection was cleared; asked, as the
        // sentence "Any condition contraindicating the use of corticosteroids" is
        // "Prior splenectomy, or a contraindication to splenectomy": an alternative that closes the sentence is asked on
        // its own, beside what the rest reads, so a splenectomy on record decides (§91); anything after it may still
        // belong to the contraindication ("… to rituximab or IVIG"), so the sentence is then asked whole, as before
        Matcher alternative = CONTRAINDICATION_ALTERNATIVE.matcher(s.lower.substring(0, m.start()));
        if (alternative.find() && CLOSES_SENTENCE.matcher(s.lower).region(m.end(), s.lower.length()).matches()) {
          int from = alternative.start() + s.lower.substring(alternative.start()).indexOf(' ') + 1;
          while (from < m.start() && Character.isWhitespace(s.lower.charAt(from))) from++;
          int to = m.end();
          s.read(from, to, new org.eligo.core.rule.Ask("Does the patient have " + s.text.substring(from, to).strip()
              .replaceFirst("(?i)^(?:have|has|having|with)\\s+", "") + "?"));
          previous = m;
          continue;
        }
        s.settle(new Unparsed("an alternative that is a contraindication to " + label(m)
            + ", which the record does not show"));
        return;
      }
      if ((m.kind() == ConceptKind.DRUG || m.kind() == ConceptKind.PROCEDURE)
          && (contraindicated(s, m) || previous != null && previousContraindicated && LIST_LINK.matcher(
              s.lower.substring(Math.min(previous.end(), m.start()), m.start())).matches())) {
        // "Active infection contraindicating treatment with sirolimus", "Patients in whom anticoagulation is
        // contraindicated": the treatment is one the patient must not get, never one the patient already has. Read as
        // taken, the exclusion cleared every patient off sirolimus of an active infection
        s.explain(m.start(), m.end());
        previous = m;
        previousContraindicated = true;
        continue;
      }
      previousContraindicated = false;
      if ((m.kind() == ConceptKind.DRUG && s.type == CriterionType.INCLUSION || m.kind() == ConceptKind.PROCEDURE)
          && planned(s, m)) {
        previous = m;
        // "indication for anticoagulation", "candidate for ruxolitinib", "scheduled for splenectomy", "eligible for
        // stem cell transplantation": a treatment to come, not had. A procedure in either list: read as had, an
        // inclusion excluded everyone waiting for it and an exclusion everyone who had it long ago. A drug in an
        // exclusion ("requiring anticoagulation") stays read as taken: those already on it are the ones excluded.
        continue;
      }
      if ((m.kind() == ConceptKind.DRUG || m.kind() == ConceptKind.CONDITION) && partOfAnotherName(s, m)) {
        previous = m;
        continue; // "vitamin K-dependent proteins", "deficiency of vitamin K-dependent clotting factors" (DECISIONS 98)
      }
      if (m.kind() == ConceptKind.DRUG && notTheDrug(s, m)) {
        previous = m;
        continue; // "normal vitamin K levels", "insulin lispro protamine", "prothrombin complex activity": not taken
      }
      if (m.kind() == ConceptKind.CONDITION && notTheDisease(s, m)) {
        previous = m;
        continue; // "hepatitis B vaccine", "HIV testing", "exposure to hepatitis C": the disease is not had
      }
      // "treatment of a malignancy", "lymphoma treated within 3 years": the disease and a treatment for it
      boolean treated = m.kind() == ConceptKind.CONDITION && (treatedFor(s, m)
          || previous != null && treatedBefore == previous && LIST_LINK.matcher(s.lower.substring(
              Math.min(previous.end(), m.start()), m.start())).matches());
      treatedBefore = null;
      Matcher other = OTHER_BEFORE.matcher(s.lower.substring(Math.max(0, m.start() - 30), m.start()));
      if (m.kind() == ConceptKind.CONDITION && other.find()) {
        // "any other bleeding disorder", "another myeloproliferative neoplasm": other than the trial's own disease,
        // which the record may hold; never read as the whole group
        int at = Math.max(0, m.start() - 30) + other.start();
        s.hedge(at, at + other.group().strip().length(), "definition", null);
      }
      Rule rule = rule(s, m);
      if (rule instanceof ConditionRule c && m.kind() == ConceptKind.CONDITION) rule = ellipsis(s, m, c);
      if (rule instanceof MedicationRule d && m.kind() == ConceptKind.DRUG) rule = drugEllipsis(s, m, d);
      int end = m.end();
      if (rule instanceof ConditionRule c && m.kind() == ConceptKind.CONDITION) {
        Matcher shared = sharedHead(s, m, c);
        if (shared != null) {
          rule = withSharedHead(s, m, shared, c);
          end = shared.end(); // "hepatitis B or C infection": the word after names the infection just named
        }
      }
      if (treated && rule instanceof ConditionRule c) rule = treated(s, m, c);
      // the reading spans "hemophilia A or B" whole, so the "or" inside it is never taken for a connective between
      // the name and what follows ("with inhibitors" qualifies both)
      if (rule != null) s.read(m.start(), end, rule);
      previous = end == m.end() ? m : new ConceptMention(m.id(), m.kind(), m.start(), end, m.label());
      if (treated) treatedBefore = previous;
    }
  }

  /** Words after a disease's name that make it something other than having the disease. */
  private static final Pattern NOT_HAD_AFTER = Pattern.compile("\\s*(?:-\\s*)?(?:vaccines?|vaccinations?|vaccinated"
      + "|immuni[sz]ations?|immuni[sz]ed|tests?|testing|tested|screening|screened|exposures?|exposed|status"
      + "|serology|serologies|prophylaxis|contacts?)\\b");
  /** Words before a disease's name that make it something other than having the disease. */
  private static final Pattern NOT_HAD_BEFORE = Pattern.compile("(?:exposure to|exposed to|contact with"
      + "|contacts? of|screening for|screened for|testing for|tested for|tests? for|vaccinat\\w* (?:against|for)"
      + "|immuni[sz]\\w* (?:against|for)|vaccines? (?:against|for)|prophylaxis (?:against|for|of)|prevention of"
      + "|to prevent|preventing)\\s+(?:the\\s+)?(?:recurrent\\s+|further\\s+)?$");

  /**
   * Words after a name that make it the first part of another name: "vitamin K-dependent proteins", "vitamin
   * K-dependent coagulation factors (II, VII, IX, X)" (DECISIONS 98 review). Neither the drug nor a deficiency of it
   * ("Deficiency of vitamin K-dependent proteins" is no vitamin K deficiency); "steroid-dependent ITP" is not one.
   */
  private static final Pattern DEPENDENT_AFTER = Pattern.compile("\\s*[-\u2010\u2011\u2013]?\\s*dependent\\s+(?:(?:clotting|coagulation|plasma"
      + "|procoagulant|anticoagulant)\\s+)?(?:factors?|proteins?|coagulation|clotting|carboxylation|carboxylase|enzymes?"
      + "|gla\\b|proteins?\\s+[cs]\\b)");

  /**
   * Words after a drug's name that make it a substance measured, a gene, an enzyme or a diet, not a drug taken
   * (DECISIONS 98 review): "normal vitamin K levels", "vitamin K status", "vitamin K epoxide reductase", "vitamin K
   * absence", "dietary vitamin K intake", "prothrombin complex activity ≥ 70%"; protamine inside an insulin's name
   * ({@link org.eligo.terminology.text.WithinAnotherProduct}).
   * Read as "took the drug", the inclusion list failed every patient never given it.
   */
  private static final Pattern NOT_TAKEN_AFTER = Pattern.compile("\\s*(?:-\\s*)?(?:levels?|status|epoxide|reductase"
      + "|activity|activities|absence|antagonism|metabolism|proteins?|(?:blood|serum|plasma)\\s+(?:levels?"
      + "|concentrations?)|\\(?\\s*quick)\\b"
      // "Prothrombin complex (Quick) < 60%", "prothrombin complex ≥ 70%": a percentage is a laboratory value, no dose
      + "|(?:\\s*\\([^()]{0,20}\\))?\\s*(?:[<>≤≥]=?|=<|=>)\\s*\\d+(?:[.,]\\d+)?\\s*%");
  /** A vitamin's intake is a diet ("Adequate vitamin K intake"); a drug's or a food's is taking it ("grapefruit intake"). */
  private static final Pattern VITAMIN_INTAKE = Pattern.compile("\\s*(?:-\\s*)?(?:intake|consumption|rich)\\b");
  /** Words before a drug's name that make it a substance measured or eaten: "dietary vitamin K", "serum vitamin K". */
  private static final Pattern NOT_TAKEN_BEFORE = Pattern.compile("\\b(?:dietary|serum|plasma|circulating|endogenous)"
      + "\\s+$");

  private static boolean partOfAnotherName(Sentence s, ConceptMention m) {
    return DEPENDENT_AFTER.matcher(s.lower).region(m.end(), s.lower.length()).lookingAt();
  }

  private static boolean notTheDrug(Sentence s, ConceptMention m) {
    if (NOT_TAKEN_AFTER.matcher(s.lower).region(m.end(), s.lower.length()).lookingAt()) return true;
    if (s.lower.startsWith("vitamin", m.start())
        && VITAMIN_INTAKE.matcher(s.lower).region(m.end(), s.lower.length()).lookingAt()) return true;
    // "insulin lispro protamine", "NPH (isophane/protamine) insulin": part of another product's name
    if (org.eligo.terminology.text.WithinAnotherProduct.at(s.lower, m.start(), m.end())) return true;
    return NOT_TAKEN_BEFORE.matcher(s.lower.substring(Math.max(0, m.start() - 30), m.start())).find();
  }

  /** Words between a disease and the treatment said to be for it: "treatment of a", "therapy for", "treated for". */
  private static final Pattern TREATMENT_BEFORE = Pattern.compile("(?<head>\\b(?:treatments?|therap(?:y|ies)"
      + "|chemotherap(?:y|ies)|radiotherap(?:y|ies)|immunotherap(?:y|ies)|regimens?)\\s+(?:for|of|against)"
      + "|\\b(?:drugs?|medications?|medicines?|agents?)\\s+(?:for|against)|(?<!un)\\btreated(?:\\s+(?:for|against))?)"
      + "\\s+(?:(?:a|an|the|any|his|her|their|prior|previous|known|diagnosed|active|current|concurrent|another"
      + "|other|second|underlying)\\s+){0,3}$");
  /** "lymphoma treated within 3 years", "a malignancy that was treated": the disease, then that it was treated. */
  private static final Pattern TREATED_AFTER = Pattern.compile("\\s*,?\\s*(?:(?:that|which)\\s+)?(?:(?:was|were|is|are"
      + "|has been|have been|had been|being)\\s+)?(?:previously\\s+|successfully\\s+|adequately\\s+|curatively\\s+)?"
      + "treated\\b(?!\\s+or\\s+untreated)");
  /** What names the treatment right after a disease: "(treated for ITP) with rituximab". */
  private static final Pattern WITH_AFTER = Pattern.compile("\\s*,?\\s*(?:(?:that|which)\\s+)?(?:(?:was|were|is|are"
      + "|has been|have been|had been)\\s+)?(?:[a-z]+ly\\s+)?(?:treated\\s+)?(?:with|using|by)\\s+");
  /** What may stand between a drug or procedure and the words that say what it was for: "rituximab-based". */
  private static final Pattern NAMED_GAP = Pattern.compile("\\s*(?:-?\\s*based\\s*)?");
  /**
   * What stands between a named drug or procedure and the disease it was for: "corticosteroids for ITP", "rituximab
   * given for ITP", "anticoagulants for the prevention of thrombosis".
   */
  private static final Pattern DRUG_FOR = Pattern.compile("\\s*(?:-?\\s*based\\s*)?(?:(?:therapy|treatment|regimens?)\\s+)?"
      + "(?:(?:given|used|administered|prescribed|taken|received|started|initiated)\\s+)?(?:for|against)\\s+"
      + "(?:(?:the\\s+)?(?:treatment|management|prevention|prophylaxis|control)\\s+of\\s+)?(?:(?:a|an|the|any|his|her"
      + "|their|prior|previous|known|diagnosed|active|current|concurrent|another|other|underlying)\\s+){0,3}");
  /**
   * A disease named later in the list of what a drug or procedure was for: "corticosteroids for asthma or ITP",
   * "splenectomy for trauma or lymphoma", "anticoagulation for atrial fibrillation or deep vein thrombosis".
   */
  private static final Pattern DRUG_FOR_LIST = Pattern.compile(DRUG_FOR.pattern() + "[^;.()\\[\\]]{1,80}?(?:,\\s*"
      + "(?:or\\s+|and/or\\s+)?|\\s+or\\s+|\\s+and/or\\s+|\\s*/\\s*)(?:(?:a|an|the|any|other)\\s+)?");
  /** A list going on: "treatment of lymphoma or leukemia". */
  private static final Pattern LIST_LINK = Pattern.compile("\\s*(?:,\\s*(?:or\\s+|and\\s+|and/or\\s+)?|or\\s+"
      + "|and/or\\s+|/\\s*)");
  private static final Pattern CLAUSE_END = Pattern.compile("[;.),]");
  /** "(malignancy) for which the patient received treatment", "... that required therapy". */
  private static final Pattern FOR_WHICH = Pattern.compile("\\s*,?\\s*(?:for which|that|which)\\b[^;.,()]{0,60}?\\b(?:"
      + "treatment|treatments|therapy|therapies|treated)\\b");
  private static final Pattern ACTIVE_BEFORE = Pattern.compile("\\b(?:active|current|ongoing|concurrent)\\s+(?:[a-z-]+\\s+)?$");

  /**
   * Whether the words around a disease say it was treated ("treatment of a malignancy", "prior therapy for lymphoma",
   * "malignancy treated within 3 years") and no drug or procedure named there says with what. Read as the disease
   * alone, an untreated malignancy (a chronic lymphocytic leukemia on watch and wait) had been excluded; the caller
   * reads it as the disease and a question whether it was treated. A named treatment ("chemotherapy for cancer",
   * "treated for ITP with rituximab") is read as itself beside the disease.
   */
  private static boolean treatedFor(Sentence s, ConceptMention m) {
    // "(patients with treated basal cell carcinoma may be enrolled)": an exception the sentence grants, not a disease
    // it asks about
    for (Sentence.Hedge h : s.hedges) {
      if (h.family().equals("permitted") && h.start() >= m.end()
          && !CLAUSE_END.matcher(s.lower.substring(m.end(), h.start())).find()) {
        return false;
      }
    }
    // "corticosteroids for ITP", "rituximab given for ITP": the drug is read as itself beside the disease, and in an
    // exclusion asked whether it was given for it; so is a disease later in the list of what it was for
    // ("corticosteroids for asthma or ITP": read as an alternative of its own, ITP alone had excluded)
    for (ConceptMention d : s.mentions) {
      if ((d.kind() == ConceptKind.DRUG || d.kind() == ConceptKind.PROCEDURE) && d.end() <= m.start()
          && (DRUG_FOR.matcher(s.lower).region(d.end(), m.start()).matches()
          || DRUG_FOR_LIST.matcher(s.lower).region(d.end(), m.start()).matches())) {
        forWhat(s, d.end(), m.start());
        return false;
      }
    }
    int from = Math.max(0, m.start() - 80);
    Matcher before = TREATMENT_BEFORE.matcher(s.lower.substring(from, m.start()));
    boolean said = false;
    if (before.find()) {
      said = true;
      int head = from + before.start("head");
      for (ConceptMention d : s.mentions) {
        if (d.kind() != ConceptKind.DRUG && d.kind() != ConceptKind.PROCEDURE) continue;
        // "chemotherapy for", "rituximab therapy for", "radiotherapy of"
        if (d.start() <= head && d.end() > head
            || d.end() <= head && NAMED_GAP.matcher(s.lower.substring(d.end(), head)).matches()) {
          forWhat(s, head, from + before.end("head"));
          return false;
        }
      }
    } else if (TREATED_AFTER.matcher(s.lower).region(m.end(), s.lower.length()).lookingAt()) {
      said = true;
    } else {
      // "malignancy for which the patient received treatment within 5 years": treated, unless the clause names with
      // what ("for which rituximab was given")
      Matcher which = FOR_WHICH.matcher(s.lower).region(m.end(), s.lower.length());
      if (!which.lookingAt()) return false;
      int end = which.end();
      Matcher stop = CLAUSE_END.matcher(s.lower).region(end, s.lower.length());
      int clauseEnd = stop.find() ? stop.start() : s.lower.length();
      return s.mentions.stream().noneMatch(d -> d.start() >= end && d.end() <= clauseEnd
          && (d.kind() == ConceptKind.DRUG || d.kind() == ConceptKind.PROCEDURE));
    }
    if (!said) return false;
    Matcher with = WITH_AFTER.matcher(s.lower).region(m.end(), s.lower.length());
    if (with.lookingAt()) {
      int at = with.end();
      if (s.mentions.stream().anyMatch(d -> d.start() == at && (d.kind() == ConceptKind.DRUG
          || d.kind() == ConceptKind.PROCEDURE))) {
        forWhat(s, with.start(), with.end());
        return false;
      }
    }
    return true;
  }

  /**
   * In an exclusion, a named treatment said to be for a disease ("chemotherapy for cancer", "treated for ITP with
   * rituximab") is asked about: the record holds the drug and the disease but not what the drug was given for, so both
   * on record (cyclophosphamide for a transplant's conditioning beside an old basal cell carcinoma) must not exclude
   * on their own. In an inclusion both on record admit, as before.
   */
  private static void forWhat(Sentence s, int start, int end) {
    if (s.type == CriterionType.EXCLUSION && end > start) s.hedge(start, end, "cause", null);
  }

  /**
   * A disease read as one treated: had at any time (or now, "treatment of active malignancy"), and a question whether
   * and when it was treated. The sentence's time words date the treatment, never the disease; the question carries
   * them in the sentence's own words.
   */
  private static Rule treated(Sentence s, ConceptMention m, ConditionRule c) {
    // "treatment of active malignancy": the word right before the name says the disease is current
    TimeWindow window = ACTIVE_BEFORE.matcher(s.lower.substring(Math.max(0, m.start() - 30), m.start())).find()
        ? TimeWindow.ACTIVE : TimeWindow.EVER;
    return new org.eligo.core.rule.AllOf(List.of(new ConditionRule(c.concepts(), c.except(), window, c.label()),
        new org.eligo.core.rule.Ask("Was the patient's " + c.label() + " treated, as the trial means it: \u201c"
            + s.text + "\u201d?")));
  }

  /**
   * Both kinds of transplant named together ("allogeneic or autologous", "autologous and/or allogeneic", "auto/allo"):
   * "Planned allogeneic or autologous stem cell transplantation" is a transplant to come as "planned allogeneic" is.
   * Read as had, the exclusion excluded every patient transplanted years ago.
   */
  private static final String BOTH_KINDS = "(?:(?:allogeneic|allogenic|allo-?|autologous|auto-?)\\s*(?:or|and/or|/|,)"
      + "\\s*(?:allogeneic|allogenic|allo|autologous|auto))";
  /**
   * The first kind of the pair, where the transplant's name begins with the second: "scheduled autologous or
   * [allogeneic HSCT]", "planned auto/[allo-HSCT]".
   */
  private static final String FIRST_OF_BOTH_KINDS = "(?:(?:allogeneic|allogenic|allo-?|autologous|auto-?)"
      + "\\s*(?:or|and/or|/|,)\\s*)?";

  /** Words before a drug that make it a treatment to come: an indication, a plan, a need. */
  private static final Pattern PLANNED_BEFORE = Pattern.compile("\\b(?:indications?|indicated|candidates?|eligible"
      + "|planned|planning|plans?|scheduled|intend(?:s|ed|ing)?|(?:is|are)\\s+to|needs?|needing|in need|requir(?:e|es|ed|ing)"
      + "|recommended|suitable|appropriate|awaiting|waiting|referred|considered|expected|anticipated|fit|will|going|unfit"
      + "|ineligible|unsuitable|inappropriate|able|willing)(?:\\s+(?:(?:for|to|of)\\s+)?|\\s*\\(\\s*)(?:(?:receive|receiving|take|tolerate"
      + "|start|starting|begin"
      + "|initiate|initiation of|undergo|be treated with|treatment with|therapy with|treatment by)\\s+)?"
      + "(?:(?:an?|the|long-term|chronic|continued|ongoing|therapeutic|full-dose|" + BOTH_KINDS + "|allogeneic"
      + "|autologous|haploidentical|matched|related|unrelated|sibling|donor|curative|elective|urgent|immediate|first"
      + "|upfront|up-front)\\s+)*" + FIRST_OF_BOTH_KINDS + "$");

  private static final String ABLE_ADVERB = "(?:(?:safely|medically|physically|clinically|fully|reliably)\\s+)?";
  private static final String ABLE_VERB = "(?:receive|take|tolerate|undergo|start|begin|complete|comply\\s+with"
      + "|be\\s+treated\\s+with)";
  /**
   * Being able (willing, fit) to have a treatment, written with an adverb, a second verb or the route between: "able to
   * safely receive", "physically able to tolerate", "able to receive and tolerate", "able to receive oral". As
   * {@link #PLANNED_BEFORE} reads "able to receive X", a treatment to come, never one the patient must have had.
   */
  private static final Pattern ABLE_BEFORE = Pattern.compile("\\b(?:able|willing|fit)\\s+(?:and\\s+(?:able|willing)"
      + "\\s+)?to\\s+" + ABLE_ADVERB + ABLE_VERB + "(?:\\s+(?:and|or|and/or)\\s+" + ABLE_ADVERB + ABLE_VERB + ")?"
      + "\\s+(?:(?:an?|the|oral|intravenous|iv|subcutaneous|sc|weekly|daily|standard|full|prescribed|planned|study"
      + "|long-term|chronic|continued|" + BOTH_KINDS + "|allogeneic|autologous)\\s+)*" + FIRST_OF_BOTH_KINDS + "$");

  /**
   * Words before a treatment that name it as contraindicated: "contraindicating treatment with", "would contraindicate
   * the use of", "contraindications to".
   */
  private static final Pattern CONTRAINDICATED_BEFORE = Pattern.compile("\\bcontraindicat\\w*\\s+(?:(?:to|for|with"
      + "|against)\\s+)?(?:(?:the\\s+)?(?:use|administration|initiation|start)\\s+of\\s+|(?:treatment|therapy|therapies)"
      + "\\s+(?:with|by)\\s+|receiving\\s+|(?:an?|the|any|all|further|long-term|chronic|continued|full-dose|therapeutic"
      + "|study|systemic)\\s+)*$");
  /**
   * Words after a treatment that say it is contraindicated: "(in whom) anticoagulation is contraindicated". Only in a
   * clause about the patient ({@link #FOR_WHOM}): "Concomitant use of strong CYP3A4 inhibitors is contraindicated" says
   * that taking them excludes, and keeps its reading.
   */
  private static final Pattern CONTRAINDICATED_AFTER = Pattern.compile("\\s*(?:-?\\s*based\\s*)?(?:(?:therapy|treatment)"
      + "\\s+)?(?:is|are|was|were|would be|would be considered|is considered|are considered)\\s+(?:absolutely\\s+"
      + "|relatively\\s+|medically\\s+|otherwise\\s+)?contraindicated\\b");

  /**
   * A sentence that opens with the contraindication ("Known contraindication to rituximab", "No contraindication to
   * anticoagulation"): read as a whole by {@link RuleAssembler} (asked), as before.
   */
  private static final Pattern CONTRAINDICATION_LEAD = Pattern.compile("\\s*(?:(?:no|any|an?|known|documented"
      + "|history\\s+of|patients?|subjects?|participants?|with|without|who\\s+(?:have|has)|has|have|absolute|relative"
      + "|medical|clinical)\\s+)*contraindicat");

  /** A clause about the patient that names the treatment next: "in whom", "for which", "in whom the use of". */
  private static final Pattern FOR_WHOM = Pattern.compile("\\b(?:in|for)\\s+(?:whom|which)\\s+(?:(?:the\\s+)?(?:use"
      + "|administration|initiation)\\s+of\\s+|(?:treatment|therapy)\\s+(?:with|by)\\s+|(?:an?|the|any|long-term"
      + "|chronic|full-dose|therapeutic|systemic)\\s+)*$");

  /**
   * A contraindication written as an alternative: "…, or any (other) condition contraindicating", "… or other
   * contraindication to", "… or a medical contraindication to".
   */
  /** Nothing more after a name but the sentence's end. */
  private static final Pattern CLOSES_SENTENCE = Pattern.compile("[\\s.;]*");

  private static final Pattern CONTRAINDICATION_ALTERNATIVE = Pattern.compile("\\bor\\s+(?:[\\w-]+\\s+){0,6}?"
      + "contraindicat\\w*\\s+(?:[\\w-]+\\s+){0,6}?$");

  /** Whether a drug or procedure is named as contraindicated: one to withhold, not one had. */
  private static boolean contraindicated(Sentence s, ConceptMention m) {
    if (CONTRAINDICATION_LEAD.matcher(s.lower).lookingAt()) return false;
    return CONTRAINDICATED_BEFORE.matcher(s.lower.substring(Math.max(0, m.start() - 80), m.start())).find()
        || CONTRAINDICATED_AFTER.matcher(s.lower).region(m.end(), s.lower.length()).lookingAt()
            && FOR_WHOM.matcher(s.lower.substring(Math.max(0, m.start() - 60), m.start())).find();
  }

  /**
   * The time of the study still to come, after a procedure: "Splenectomy during the study", "HSCT planned during the
   * trial", "Transfusion expected throughout the treatment period". A procedure so named is one to come, never one had:
   * read as had, a splenectomy of 2015 excluded under "Splenectomy during the study" (§55).
   */
  private static final Pattern DURING_STUDY = Pattern.compile("\\b(?:during|throughout|while\\s+on|(?:in|over)\\s+the"
      + "\\s+course\\s+of|for\\s+the\\s+duration\\s+of)\\s+(?:the\\s+|this\\s+)?(?:(?:course|period|duration)\\s+of\\s+"
      + "(?:the\\s+)?(?:study|trial)|(?:study|trial|treatment|intervention|follow-up)\\s+(?:period|phase|participation"
      + "|duration)|(?:the\\s+)?(?:study|trial)(?!\\s+(?:entry|screening|enrol)))\\b");
  /**
   * What may stand between such a procedure and that time: other names, procedures or drugs or the disease a therapy is
   * for (§61: "Splenectomy or rituximab during the study", "Splenectomy, rituximab or other ITP therapy planned during
   * the study" had read the splenectomy as had, excluding one of 2015), a list's links, "planned", "expected".
   */
  private static final Pattern TO_COME_GAP = Pattern.compile("(?:[\\s,/()]|\\b(?:or|and|and/or|any|other|is|are|be"
      + "|being|planned|expected|anticipated|scheduled|required|needed|necessary|likely|foreseen|elective|surgery"
      + "|procedures?|use|of|treatment|therapy|therapies|with)\\b|\u0000)*");
  /** Words before a procedure that say it was had: "prior splenectomy", "history of HSCT". */
  private static final Pattern HAD_BEFORE = Pattern.compile("\\b(?:prior|previous|previously|history|had|underwent"
      + "|undergone|received|past|earlier)\\b");

  /** Whether a procedure is named with the time of the study still to come (see {@link #DURING_STUDY}). */
  private static boolean duringTheStudy(Sentence s, ConceptMention m) {
    if (m.kind() != ConceptKind.PROCEDURE) return false;
    Matcher during = DURING_STUDY.matcher(s.lower);
    if (!during.find(m.end())) return false;
    int clause = Math.max(Math.max(s.lower.lastIndexOf(';', m.start()), s.lower.lastIndexOf('.', m.start())), 0);
    if (HAD_BEFORE.matcher(s.lower.substring(clause, m.start())).find()) return false;
    StringBuilder gap = new StringBuilder(s.lower.substring(m.end(), during.start()));
    for (ConceptMention other : s.mentions) {
      if (other.start() < m.end() || other.end() > during.start()) continue;
      for (int i = other.start(); i < other.end(); i++) gap.setCharAt(i - m.end(), '\u0000');
    }
    return TO_COME_GAP.matcher(gap).matches();
  }

  /** Whether an inclusion names a drug as a treatment to come ("indication for anticoagulation for 6 months"). */
  private static boolean planned(Sentence s, ConceptMention m) {
    if (duringTheStudy(s, m)) return true;
    int from = Math.max(0, m.start() - 60);
    // "Able to safely receive rituximab", "Able to receive and tolerate IVIG", "able to receive oral eltrombopag"
    if (ABLE_BEFORE.matcher(s.lower.substring(from, m.start())).find()) return true;
    if (limitBeforeTreatment(s, m)) return true;
    // "Splenectomy planned within 6 weeks", "Patients in whom allogeneic HSCT is planned": the plan written after the
    // treatment; read as had, an inclusion failed every patient waiting for it (§65)
    if (PLANNED_AFTER.matcher(s.lower).region(m.end(), s.lower.length()).lookingAt()) return true;
    Matcher planned = PLANNED_BEFORE.matcher(s.lower.substring(from, m.start()));
    if (!planned.find()) return false;
    // "who required red blood cell transfusion", "needed splenectomy": a procedure needed in the past was had
    return !(m.kind() == ConceptKind.PROCEDURE && PAST_NEED.matcher(planned.group()).lookingAt());
  }

  /** Words after a treatment that make it one to come: "planned", "is scheduled", "being considered". */
  private static final Pattern PLANNED_AFTER = Pattern.compile("\\s*(?:[()]\\s*)?(?:(?:is|are|being|has\\s+been|have\\s+been)"
      + "\\s+)?(?:(?:currently|already)\\s+)?(?:planned|scheduled|anticipated|intended|foreseen|expected)\\b");

  /**
   * "prior to", "before the start of", "prior to the first dose of" right before a treatment: the moment a limit is
   * measured at, the treatment still to come.
   */
  private static final Pattern MOMENT_BEFORE = Pattern.compile("\\b(?:prior\\s+to|before)\\s+(?:(?:the|a)\\s+)?"
      + "(?:(?:start|initiation|beginning|first\\s+dose|first\\s+administration|administration|infusion|day\\s+1)\\s+of"
      + "\\s+(?:the\\s+)?)?(?:(?:study|planned|protocol|first|initial|lymphodepleting|conditioning|" + BOTH_KINDS
      + "|allogeneic|allogenic|autologous|haplo-?identical)\\s+)*$");
  /** A limit written before the moment: a comparator, a score's scale or "normal limits". */
  private static final Pattern LIMIT_WORDS = Pattern.compile("[<>≤≥=]|\\b(?:ecog|karnofsky|kps|lansky|zubrod"
      + "|performance\\s+status|uln|upper\\s+limit\\s+of\\s+normal|normal\\s+limits)\\b");

  /**
   * "ECOG 0-2 prior to lymphodepletion", "Creatinine ≤ 1.5 mg/dL prior to fludarabine", "ANC ≥ 1.0 × 10^9/L prior to
   * the first dose of rituximab": a limit measured before a treatment, which is still to come. Read as a treatment
   * had, a patient within the limit who had never had it failed the inclusion (§65).
   */
  private static boolean limitBeforeTreatment(Sentence s, ConceptMention m) {
    // a clause ends at ";" or ". ", not at the point of "1.5 mg/dL"
    int clause = Math.max(Math.max(s.lower.lastIndexOf(';', m.start()), s.lower.lastIndexOf(". ", m.start())), 0);
    Matcher moment = MOMENT_BEFORE.matcher(s.lower.substring(clause, m.start()));
    return moment.find() && LIMIT_WORDS.matcher(s.lower.substring(clause, clause + moment.start())).find();
  }

  private static final Pattern PAST_NEED = Pattern.compile("\\s*(?:required|needed)\\b");

  /**
   * Whether the words around a disease's name say the patient need not have it: a vaccine, a test, a screening, an
   * exposure or a contact ("hepatitis B vaccination", "HIV testing", "exposure to hepatitis C"). Such a mention is not
   * read as a diagnosis; the sentence is then read without it (or not at all), never as "has the disease".
   */
  private static boolean notTheDisease(Sentence s, ConceptMention m) {
    if (NOT_HAD_AFTER.matcher(s.lower).region(m.end(), s.lower.length()).lookingAt()) return true;
    int from = Math.max(0, m.start() - 40);
    return NOT_HAD_BEFORE.matcher(s.lower.substring(from, m.start())).find();
  }

  /** Questions about the response to a drug: the drug was taken at some time. */
  private static final java.util.Set<String> RESPONSE = java.util.Set.of("refractory", "intolerant", "relapse");
  private static final Pattern DRUGS_FOR = Pattern.compile(
      "\\s+(?:drugs?|medications?|medicines?|therap(?:y|ies)|treatments?|agents?|regimens?)\\b");
  /**
   * The word before "or" and the mention after it; an "untreated" between them qualifies the second alternative
   * only ("Active or untreated latent tuberculosis": active tuberculosis, or latent tuberculosis untreated).
   */
  private static final Pattern ELLIPSIS = Pattern.compile("\\b([a-z][a-z-]+)\\s+(?:or|and/or|and)\\s+"
      + "(?:(?:untreated|(?:inadequately|incompletely)\\s+treated)\\s+)?$");

  /**
   * The short word must end the name: the sentence, a list or a clause goes on after it ("infection", "or", a
   * parenthesis, or a qualifier such as "with inhibitors" that the assembler joins to the whole name as "and").
   */
  private static final Pattern SHARED_HEAD = Pattern.compile("\\s*(?:,\\s*(?:or|and)?|/|or|and/or|and)\\s*"
      + "([a-z0-9]{1,4})\\b(\\s+virus\\b)?(?=\\s*(?:$|[,;.:()]|(?:infections?|viral|disease|or|and|with|without"
      + "|who|whose|that|which|requiring|treated|receiving|on)\\b))");

  /**
   * "hepatitis B or C", "hemophilia A or B", "hemophilia A or B with inhibitors": a short word after "or" that shares
   * the head of the name just read names a disease the lexicon knows ("hepatitis C"); null when it does not.
   */
  private static Matcher sharedHead(Sentence s, ConceptMention m, ConditionRule rule) {
    Matcher e = SHARED_HEAD.matcher(s.lower).region(m.end(), s.lower.length());
    if (!e.lookingAt()) return null;
    for (ConceptMention other : s.mentions) {
      if (other.end() > e.start(1) && other.start() < e.end(1)) return null; // the word is a concept of its own
    }
    return sharedConcept(s, m, e.group(1)).filter(c -> !rule.concepts().contains(c.id())).isPresent() ? e : null;
  }

  private static Rule withSharedHead(Sentence s, ConceptMention m, Matcher shared, ConditionRule rule) {
    ConceptMention c = sharedConcept(s, m, shared.group(1)).orElseThrow();
    java.util.Set<String> ids = new java.util.LinkedHashSet<>(rule.concepts());
    ids.add(c.id());
    s.explain(shared.start(1), shared.end());
    return new ConditionRule(ids, rule.except(), rule.window(), rule.label() + " or " + label(c));
  }

  /** The disease named by the mention's words with the last one replaced by {@code word}. */
  private static java.util.Optional<ConceptMention> sharedConcept(Sentence s, ConceptMention m, String word) {
    String[] words = s.text.substring(m.start(), m.end()).split("\\s+");
    if (words.length < 2) return java.util.Optional.empty();
    String candidate = String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)) + " " + word;
    return s.context.lexicon().findMentions(candidate).stream().filter(c -> c.kind() == ConceptKind.CONDITION
        && c.start() == 0 && c.end() == candidate.length()).findFirst();
  }

  /**
   * "severe or very severe aplastic anemia": the word before "or" shares the mention's head, so "severe aplastic
   * anemia" is named too. When the shared reading is not a known concept, the reading is only one alternative.
   */
  private static Rule ellipsis(Sentence s, ConceptMention m, ConditionRule rule) {
    Matcher e = ELLIPSIS.matcher(s.lower.substring(0, m.start()));
    if (!e.find()) return rule;
    String word = e.group(1);
    for (ConceptMention other : s.mentions) {
      if (other.end() > e.start(1) && other.start() < e.end(1)) return rule; // the word is a concept of its own
    }
    String[] words = s.text.substring(m.start(), m.end()).split("\\s+");
    for (int k = 1; k < words.length; k++) {
      // "Active or latent TB infection": "active" shares "TB infection", never the bare "infection" ("active
      // infection" is every infection: a patient with COVID-19 was excluded under a tuberculosis criterion); "acute
      // or chronic hepatitis B infection" likewise
      if (k == words.length - 1 && GENERIC_HEAD.contains(words[k].toLowerCase(java.util.Locale.ROOT))) break;
      String candidate = word + " " + String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
      for (ConceptMention c : s.context.lexicon().findMentions(candidate)) {
        if (c.kind() == ConceptKind.CONDITION && c.start() == 0 && c.end() == candidate.length()) {
          java.util.Set<String> ids = new java.util.LinkedHashSet<>(rule.concepts());
          ids.add(c.id());
          s.explain(e.start(1), e.end(1));
          int from = e.start(1);
          int to = e.end(1);
          s.hedges.removeIf(h -> h.start() < to && from < h.end());
          return new ConditionRule(ids, rule.except(), rule.window(), label(c) + " or " + rule.label());
        }
      }
    }
    if (FILLERISH.contains(word)) return rule;
    return org.eligo.core.rule.AnyOf.of(rule, new org.eligo.core.rule.Unparsed("\"" + word + " or ...\" may name "
        + "more than " + rule.label()));
  }

  /** The word before a slash or "or" that may share the drug class's head: "BTK/SYK inhibitors", "C3 or C5 inhibitor". */
  private static final Pattern DRUG_ELLIPSIS = Pattern.compile("\\b([a-z][a-z0-9-]*)\\s*(?:/|or|and/or)\\s*$");

  /**
   * "Prior exposure to BTK/SYK inhibitors", "a C3 or C5 inhibitor within 12 weeks": the word before the slash or "or"
   * with the class's last words is a class the lexicon knows ("BTK inhibitors"), named too, as either (DECISIONS 94,
   * review); left unread, it made every patient a question, one on ibrutinib too. A word that names no class ("JAK1"
   * in "JAK1/JAK2 inhibitors") stays unread, asked as before; "and" joins two requirements and is not read here.
   */
  private static Rule drugEllipsis(Sentence s, ConceptMention m, MedicationRule rule) {
    Matcher e = DRUG_ELLIPSIS.matcher(s.lower.substring(Math.max(0, m.start() - 30), m.start()));
    if (!e.find()) return rule;
    int from = Math.max(0, m.start() - 30) + e.start(1);
    int to = Math.max(0, m.start() - 30) + e.end(1);
    for (ConceptMention other : s.mentions) {
      if (other.end() > from && other.start() < to) return rule; // the word is a concept of its own
    }
    String[] words = s.text.substring(m.start(), m.end()).split("\\s+");
    for (int k = 1; k < words.length; k++) {
      // the word as written: a short name is matched in its own case ("BTK", never "btk")
      String candidate = s.text.substring(from, to) + " "
          + String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
      for (ConceptMention c : s.context.lexicon().findMentions(candidate)) {
        if (c.kind() == ConceptKind.DRUG && c.start() == 0 && c.end() == candidate.length()
            && !rule.concepts().contains(c.id())) {
          java.util.Set<String> ids = new java.util.LinkedHashSet<>(rule.concepts());
          ids.add(c.id());
          s.explain(from, m.start());
          s.hedges.removeIf(h -> h.start() < to && from < h.end());
          return new MedicationRule(ids, rule.timing(), label(c) + " or " + rule.label());
        }
      }
    }
    return rule;
  }

  /** A last word that names no disease of its own kind, only a class of all of them. */
  private static final java.util.Set<String> GENERIC_HEAD = java.util.Set.of("infection", "infections", "disease",
      "diseases", "disorder", "disorders", "illness");

  private static final java.util.Set<String> FILLERISH = java.util.Set.of("history", "diagnosis", "patients", "with",
      "of", "evidence", "known", "active", "current", "previous", "prior", "confirmed", "documented", "acquired");

  private static boolean alias(Sentence s, ConceptMention before, ConceptMention m) {
    if (!before.id().equals(m.id()) && !s.lower.substring(before.end(), m.start()).strip().equals("(")) return false;
    String between = s.lower.substring(before.end(), m.start());
    if (!OPEN_PAREN.matcher(between).matches()) return false;
    if (m.end() < s.lower.length() && s.lower.charAt(m.end()) == ')') return true;
    // "hepatitis C virus (HCV) infection": the terminology may read "HCV) infection" as one name; it is the same
    // concept named again, so the words before the first name ("untreated") qualify both
    return before.id().equals(m.id()) && ABBREVIATION_CLOSED.matcher(s.lower.substring(m.start(), m.end())).matches();
  }

  // "HCV) infection", and the full name after its abbreviation: "HIV (human immunodeficiency virus) infection"
  private static final Pattern ABBREVIATION_CLOSED = Pattern.compile("[^()]{1,60}\\)\\s+[^()]+");

  /**
   * The disease just read named again, by the same concept, at the opening of a parenthesis that goes on ("hepatitis
   * C (HCV RNA detectable)"), the earlier name read and nothing but the parenthesis between them.
   */
  private static boolean openingAlias(Sentence s, ConceptMention before, ConceptMention m) {
    if (!before.id().equals(m.id()) || before.kind() != ConceptKind.CONDITION) return false;
    if (!OPEN_PAREN.matcher(s.lower.substring(before.end(), m.start())).matches()) return false;
    if (s.free(before.start(), before.end())) return false; // the earlier name was not read
    int close = s.lower.indexOf(')', m.end());
    return close > m.end() && s.lower.substring(m.end(), close).indexOf('(') < 0;
  }

  /** "infection(s) with HIV": the named infection is the concept. */
  private static boolean infectionWith(Sentence s, ConceptMention m) {
    String after = s.lower.substring(m.end());
    return INFECTION_WITH.matcher(after).lookingAt()
        && s.mentions.stream().anyMatch(o -> o.start() > m.end() && o.start() < m.end() + 20
        && o.kind() == ConceptKind.CONDITION);
  }

  private static Rule rule(Sentence s, ConceptMention m) {
    String label = label(m);
    boolean infection = m.id().equals("infection") || s.context.lexicon().broaderThan(m.id()).contains("infection");
    Sentence.Cue own = s.ownClauseCue(m.start(), m.end(), infection);
    Sentence.Cue cue = own != null ? own : s.cueFor(m.start(), infection);
    Timing t = own != null || s.currentInOwnClause(m.start())
        || s.currentBeforeOwnWindow(m.start(), m.end(), infection)
        || m.kind() == ConceptKind.CONDITION && s.qualifiedInOwnClause(m.start(), m.end())
        ? Timing.UNSAID : s.timingFor(m.start());
    if (t == null) { // several time phrases and none after this name: which applies is a question
      s.hedge(0, 0, "timing", null);
      t = Timing.UNSAID;
    }
    return switch (m.kind()) {
      case CONDITION -> new ConditionRule(Set.of(m.id()), Set.copyOf(s.except), conditionWindow(s, t, cue), label);
      case PROCEDURE -> currentProcedure(new ProcedureRule(Set.of(m.id()), window(s, t, cue), label));
      case VACCINE -> new ImmunizationRule(Set.of(m.id()), window(s, t, cue), label);
      case DRUG -> cue == Sentence.Cue.PAST && s.groupScope && !t.explicit() ? pastGroup(s, m, label)
          : undatedDenial(s, t, cue) ? (NOW_WORDS.matcher(s.lower).find()
              ? new MedicationRule(Set.of(m.id()), MedicationTiming.CURRENT, label) : deniedUse(s, m, label))
          : new MedicationRule(Set.of(m.id()), medication(s, t, cue), label);
      case MEASURE -> null;
    };
  }

  /** Days within which a procedure on record may be one the patient is "currently receiving" (asked). */
  static final int RECENT_PROCEDURE_DAYS = 90;

  /**
   * "Currently receiving daily plasma exchange", "currently receiving regular transfusions": a procedure now is dated
   * today at the latest, and a record dates each session, so "now" (TimeWindow.ACTIVE, on or after the evaluation date)
   * was met only by a session dated today: a patient exchanged yesterday was not "currently receiving" it (in the
   * inclusion list, one transfused last week failed). Now any of: a session today, or one in the last
   * {@value #RECENT_PROCEDURE_DAYS} days with the question whether it goes on; a session before that is not current.
   */
  private static Rule currentProcedure(ProcedureRule rule) {
    if (!(rule.window() instanceof TimeWindow.Active)) return rule;
    return new org.eligo.core.rule.AnyOf(List.of(rule, new org.eligo.core.rule.AllOf(List.of(
        new ProcedureRule(rule.concepts(), TimeWindow.within(RECENT_PROCEDURE_DAYS), rule.label()),
        new org.eligo.core.rule.Ask("Is the patient still receiving " + rule.label() + " (last recorded in the past "
            + RECENT_PROCEDURE_DAYS + " days)?")))));
  }

  /**
   * A disease named without a time where having it excludes ("Lymphoma", "Patients with MDS" in the exclusion list,
   * "No lymphoma" in the inclusion list) is {@link TimeWindow#PRESENT}: a current one excludes, one the record shows
   * resolved or in remission is asked about. Read as at any time, a lymphoma cured decades ago had excluded.
   */
  private static TimeWindow conditionWindow(Sentence s, Timing t, Sentence.Cue cue) {
    TimeWindow w = window(s, t, cue);
    boolean excluding = s.type == CriterionType.EXCLUSION || s.negated;
    return excluding && cue == null && !t.explicit() && w instanceof TimeWindow.Ever ? TimeWindow.PRESENT : w;
  }

  private static TimeWindow window(Sentence s, Timing t, Sentence.Cue cue) {
    if (t.explicit()) {
      if (t.window() != null) return t.window();
      s.hedge(0, 0, "timing", null);
      return TimeWindow.EVER;
    }
    return cue == Sentence.Cue.CURRENT ? TimeWindow.ACTIVE : TimeWindow.EVER;
  }

  private static MedicationTiming medication(Sentence s, Timing t, Sentence.Cue cue) {
    if (t.explicit() && t.medication() != null) return t.medication();
    if (cue == Sentence.Cue.CURRENT) return MedicationTiming.CURRENT;
    if (cue == Sentence.Cue.EVER || cue == Sentence.Cue.PAST) return MedicationTiming.EVER;
    if (s.hedges.stream().anyMatch(h -> RESPONSE.contains(h.family()))) return MedicationTiming.EVER;
    if (s.groupScope) return MedicationTiming.CURRENT; // "for patients on anticoagulation": those taking it now
    return s.type == CriterionType.INCLUSION ? MedicationTiming.EVER : MedicationTiming.CURRENT;
  }

  /**
   * "Not on anticoagulation", "No anticoagulants", "No splenectomy, rituximab, eltrombopag" in the inclusion list: a
   * drug denied without a time word. Use now is denied; whether use in the past is, is a question. Read as ever taken,
   * the denial turned away a patient who had stopped the drug years ago.
   */
  private static boolean undatedDenial(Sentence s, Timing t, Sentence.Cue cue) {
    // a sentence with a qualifier or an exception of its own ("(low-dose aspirin permitted)") is left as it was read:
    // its exception is read against the drug as one rule
    return s.type == CriterionType.INCLUSION && s.negated && !s.groupScope && cue == null && !t.explicit()
        && s.hedges.isEmpty();
  }

  /**
   * "Not on anticoagulation at screening", "No anticoagulants at baseline": the denial names the time, now; asked
   * whether past use counts, a patient who stopped warfarin years ago was left undecided.
   */
  private static final java.util.regex.Pattern NOW_WORDS = java.util.regex.Pattern.compile("\\b(?:(?:at|during)\\s+"
      + "(?:the\\s+)?(?:screening|baseline|enrol+ment|study entry|randomi[sz]ation|inclusion)(?:\\s+visit)?"
      + "|currently|presently|at present)\\b");

  private static Rule deniedUse(Sentence s, ConceptMention m, String label) {
    return new org.eligo.core.rule.AnyOf(List.of(new MedicationRule(Set.of(m.id()), MedicationTiming.CURRENT, label),
        new org.eligo.core.rule.AllOf(List.of(new MedicationRule(Set.of(m.id()), MedicationTiming.EVER, label),
            new org.eligo.core.rule.Ask("Does \u201c" + s.text + "\u201d rule out a patient who took " + label
                + " only in the past?")))));
  }

  /**
   * "For patients who were on warfarin: INR &lt; 3": whom a requirement binds, named in the past. Those taking the drug
   * now are in the group; whether one who took it only in the past is, is a question. Read as ever taken, the
   * requirement bound a patient who stopped the drug years ago; read as taken now, it dropped the verb's tense.
   */
  private static Rule pastGroup(Sentence s, ConceptMention m, String label) {
    return new org.eligo.core.rule.AnyOf(List.of(new MedicationRule(Set.of(m.id()), MedicationTiming.CURRENT, label),
        new org.eligo.core.rule.AllOf(List.of(new MedicationRule(Set.of(m.id()), MedicationTiming.EVER, label),
            new org.eligo.core.rule.Ask("Does \u201c" + s.text + "\u201d take in a patient who took " + label
                + " only in the past?")))));
  }

  static String label(ConceptMention m) {
    String l = m.label();
    if (l.length() > 1 && Character.isUpperCase(l.charAt(0)) && Character.isLowerCase(l.charAt(1))) {
      return l.substring(0, 1).toLowerCase(Locale.ROOT) + l.substring(1);
    }
    return l;
  }
}
