package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.SexRule;
import org.eligo.core.trial.RegistryAge;

/**
 * Reads age limits: "Age ≥ 18 years", "18-80 years old", "aged 2 years and older", "aged 18 or older", "18 years or
 * older", "aged 65 years or younger" (only with an age word: "a duration of 2 years or less" is no age), "older than 80 years", "Age > 28 days
 * and ≤ 14 years old", "under 18-year-old or over 80-year-old". "Under N" is below N completed units; "over N" or
 * "older than N" in years or months is read as N or more in an inclusion and as more than N in an exclusion (the
 * reading that excludes fewer people, since completed years cannot say "a day past the birthday").
 */
final class AgeRecogniser implements Recogniser {
  // "≤ 1.5 times the upper limit of normal for age 12 years and older": the ULN written out is longer than a unit (§50)
  private static final Pattern LIMIT_BEFORE = Pattern.compile("\\d\\s*(?:%|[a-z/^*×0-9.\\s]{0,25}"
      + "|(?:times|×|x|\\*)?\\s*(?:the\\s+)?(?:(?:institutional|local|laboratory)\\s+)?upper\\s+limits?\\s+of\\s+"
      + "(?:the\\s+)?normal(?:\\s+range)?)?\\s*"
      + "(?:\\([^()]{0,40}\\)\\s*)?[,;]?\\s*(?:\\(|\\b(?:if|for|in|among))[^\\d]{0,40}$");
  // "Children under 12" (§75): whom a bare age is about
  private static final Keywords HINT = Keywords.of("age", "year", "yr", "month", "week", "day", "children");
  private static final Pattern AGE_CONTEXT = Pattern.compile("\\b(?:age[ds]?|aged|years? old|year-old|of age)\\b");
  private static final Pattern NEAR_AGE = Pattern.compile("\\b(?:age[ds]?|aged|old|of age)\\b");
  private static final Pattern SOFT = Pattern.compile("\\b(?:generally|usually|typically|preferabl[ey]|preferred"
      + "|ideally|normally|in general|as a rule)\\b");
  private static final Pattern OR_BETWEEN = Pattern.compile("\\s*,?\\s*or\\s*");
  /** Between a limit and the one that holds only locally: "(", "(or", ", or", "or". */
  private static final Pattern LOCAL_BETWEEN = Pattern.compile("\\s*(?:\\(\\s*(?:or\\s+)?|,?\\s*or\\s+|;\\s*)");
  /**
   * After the second limit, where it holds: "where local regulations allow", "in countries where permitted", "if
   * legally allowed", "with parental consent".
   */
  private static final Pattern LOCAL_LIMIT = Pattern.compile("\\s*(?:(?:in|for|at)\\s+(?:countries|jurisdictions"
      + "|regions|sites|centres|centers)\\s+)?(?:(?:where|if|when|as|unless)\\s+[^();]{0,60}?\\b(?:allow\\w*|permit\\w*"
      + "|approv\\w*|regulations?|legal\\w*|required)\\b[^();]{0,30}?(?=\\)|;|$)|with\\s+(?:parental|parent|guardian)"
      + "\\w*(?:\\s*/\\s*guardian\\w*)?\\s+(?:consent|permission|approval))");
  private static final Pattern AND_BETWEEN = Pattern.compile("\\s*(?:,|and|,\\s*and|but)?\\s*");
  private static final String N = "(\\d{1,3})";
  private static final String UNIT = "(years?|yrs?|months?|weeks?|days?)";
  private static final String OLD = "(?:[- ]?(?:years?[- ])?old|\\s+of\\s+age|\\s+in\\s+age)?";
  private static final String AGE = "\\b(?:age[ds]?|aged)\\b(?:\\s+(?:of|is|was|between|from|range))?\\s*:?\\s*";

  private static final Pattern RANGE = Pattern.compile(
      "(?:" + AGE + ")?(?:between\\s+)?(?:(?:≥|>=|from)\\s*)?" + N + "\\s*(?:" + UNIT + "\\s*)?(?:-|to|and)\\s*"
          + "(?:(?:<|≤|<=|less\\s+than|under|younger\\s+than)\\s*)?" + N + "\\s*" + UNIT + OLD);
  /**
   * "Aged 2 to &lt; 18 years", "1 month to &lt; 18 years", "≥ 2 to &lt; 18 years": the upper end written with "less than",
   * not reached (read before as "&lt; 18 years" beside an unread "2", which asked every child).
   */
  private static final Pattern BELOW_UPPER = Pattern.compile("<(?!=)|less\\s+than|under|younger\\s+than");
  /** A comparison the range's pattern does not take before its lower end: "Age &gt; 28 days and ≤ 14 years". */
  private static final Pattern COMPARED_BEFORE = Pattern.compile("(?:[<>≤]|=|\\b(?:than|over|above|under|below))\\s*$");
  /** Whom a paediatric age is about, written before it: "Infants aged 1 to 24 months", "Adolescents 12 to 17 years". */
  private static final Pattern PAEDIATRIC_PERSON_BEFORE = Pattern.compile("^\\W*(?:(?:all\\s+)?(?:infants?|neonates?"
      + "|newborns?|toddlers?|adolescents?|teenagers?|minors?|boys|girls|(?:pa?ediatric|children|child)\\s+"
      + "(?:patients?|subjects?|participants?))\\s+(?:(?:who\\s+)?are\\s+)?(?:\\(\\s*)?)$");
  private static final Pattern AND_OLDER = Pattern.compile(
      "(?:" + AGE + ")?" + N + "[- ]?" + UNIT + OLD + "\\s*(?:(?:and|or)\\s+(?:older|over|above|more|greater)"
          + "|older|\\+|or more)(?![\\s-]*\\d)");
  /** "65 years or younger", "aged 17 years and under": at most that age. */
  private static final Pattern AND_YOUNGER = Pattern.compile(
      "(?:" + AGE + ")?" + N + "[- ]?" + UNIT + OLD + "\\s*(?:(?:and|or)\\s+(?:younger|under|below|less))"
          + "(?![\\s-]*\\d)");
  /**
   * "aged 18-45,", "aged 18 to 65 with ITP", "aged between 18 and 75)": a bare range after "aged" is in years; only
   * where a clause or a sentence ends, or "with"/"who"/"and" follows, so no unit or measure can come after it.
   */
  private static final Pattern AGED_RANGE = Pattern.compile("\\b(?:age[ds]?|aged)\\s+(?:of\\s+)?(?:between\\s+)?"
      + "(\\d{1,3})\\s*(?:-|–|to|and)\\s*(\\d{1,3})(?=\\s*(?:[,;)]|$)|\\s+(?:with|who|and|inclusive)\\b)");
  /** "aged 65 or younger": a bare number after "aged" is in years. */
  private static final Pattern AGED_AND_YOUNGER = Pattern.compile("\\b(?:age[ds]?|aged)\\s+(?:of\\s+)?" + N
      + "\\s*(?:(?:and|or)\\s+(?:younger|under|below))(?![\\s-]*\\d)");
  /** "aged 18 or older": a bare number after "aged" is in years. */
  private static final Pattern AGED_AND_OLDER = Pattern.compile("\\b(?:age[ds]?|aged)\\s+(?:of\\s+)?" + N
      + "\\s*(?:(?:and|or)\\s+(?:older|over|above)|\\+)(?![\\s-]*\\d)");
  /** Nothing before an age, or only whom it is about: "Patients older than 80 years". */
  private static final Pattern PERSON_BEFORE = Pattern.compile("\\W*(?:(?:all\\s+)?(?:patients?|subjects?"
      + "|participants?|children|adults?|individuals|persons|people|those|women|men|males|females)\\s+(?:(?:who\\s+)?are"
      + "\\s+|(?:must|should|shall)\\s+be\\s+)?)?");
  /**
   * Whom an age is about, right before it after another group: "Pregnant women, and patients older than 80 years",
   * "Lactating women or those younger than 18 years" (§75).
   */
  private static final Pattern PERSON_JOINED_BEFORE = Pattern.compile("(?:[,;]\\s*|\\b(?:and|or)\\s+)(?:all\\s+)?"
      + "(?:patients?|subjects?|participants?|children|adults?|individuals|persons|people|those|women|men|males"
      + "|females)\\s+(?:(?:who\\s+)?are\\s+)?$");
  /**
   * Words that make the people after them someone the patient is with, cares for or feeds, not the patient: "Close
   * contact with immunocompromised people or children under 5", "Living with infants or children under 2", "Women
   * breastfeeding children under 2" (§80). Looked for in the clause before whom the age is about.
   */
  private static final Pattern OTHERS = Pattern.compile("\\b(?:with|of|for|to|contacts?|living|lives|household"
      + "|caregivers?|carers?|parents?|guardians?|siblings?|partners?)\\b|\\b(?:breast[- ]?feeding|nursing|feeding"
      + "|caring\\s+for|looking\\s+after)\\s+(?:(?:their|her|his|own|young|an?)\\s+)*"
      + "(?:(?:infants?|babies|newborns)\\s+(?:or|and)\\s+)?"
      + "(?:patients?|subjects?|participants?|children|adults?|individuals|persons|people|those|women|men|males"
      + "|females)?\\s*$");

  /** Whether the people an age follows, starting at {@code person}, are someone the patient is with (§80). */
  private static boolean othersAge(String lower, int person) {
    int from = Math.max(Math.max(lower.lastIndexOf(',', person - 1), lower.lastIndexOf(';', person - 1)),
        Math.max(lower.lastIndexOf(':', person - 1), lower.lastIndexOf('(', person - 1))) + 1;
    return OTHERS.matcher(lower.substring(from, person)).find();
  }

  /** The end of another group's clause, before whom an age is about: "Pregnant women, and " (§75). */
  private static final Pattern JOINER_BEFORE = Pattern.compile("(?:[,;]\\s*|\\b(?:and|or)\\s+)$");
  /** Where a bare number's clause ends: nothing after it that could be its unit. */
  private static final Pattern CLAUSE_ENDS = Pattern.compile("\\s*(?:$|[,;)]|\\.\\s*$|\\b(?:and|or|who|with)\\b)");
  private static final Pattern BOUND = Pattern.compile(
      "(?:(?<age>" + AGE + ")|\\b(?<person>patients?|subjects?|participants?|children|adults?)\\s+(?:who\\s+are\\s+)?"
          + "(?<aged>aged\\s+)?)?(?<cmp>≥|≤|>|<|greater than or equal to|less than or equal to|at least|no more than"
          + "|not more than|up to|greater than|more than|older than|younger than|less than|over|above|under|below)"
          + "\\s*" + N + "\\s*[- ]?" + UNIT + "?" + OLD);

  /**
   * The moment the study starts for the patient, after an age or between "age" and its limit: "at (the) time of
   * (signing the) (informed) consent (form)", "on the date of consent", "at registration", "at enrol(l)ment", "at
   * screening", "at randomization", "at study entry", "at baseline", "at Visit 1". A past event ("at diagnosis") is
   * {@link #NOT_NOW_AFTER}'s.
   */
  private static final Pattern NOW_MOMENT = Pattern.compile("(?:\\d\\s*[a-z()]*|\\bold|\\bage[ds]?|\\bolder|\\byounger"
      + "|\\binclusive|\\)|\\bof\\s+age)\\s*,?\\s*(?<moment>(?:at|on|upon|as\\s+of|by)\\s+(?:the\\s+)?(?:(?:time|date|day|moment)"
      + "\\s+of\\s+)?(?:(?:signing|giving|providing|obtaining|signature\\s+of)\\s+)?(?:the\\s+|a\\s+)?(?:written\\s+)?"
      + "(?:informed\\s+)?(?:consent(?:\\s+form)?(?:\\s*\\(\\s*icf\\s*\\))?|icf|assent|registration|enrol+ment|screening"
      + "(?:\\s+visit)?|randomi[sz]ation|inclusion|study\\s+entry|entry\\s+(?:in)?to\\s+(?:the\\s+)?study|entry|baseline"
      + "|visit\\s*1|(?:the\\s+)?first\\s+(?:study\\s+)?visit|day\\s*1))\\b");

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower)) return;
    // "Transplant-eligible (generally aged 65 years or younger)", "Age 65 years or younger preferred": an age the trial
    // prefers is no limit; read as one, a fit 68-year-old was turned away. Left unread, it is asked
    if (SOFT.matcher(s.lower).find()) return;
    // "Age ≥ 18 years at time of consent", "on the date of consent", "at registration", "Age at enrollment 18-65
    // years", "at Visit 1": the moment of the study's start is now; its words left unread, every adult was asked
    Matcher now = NOW_MOMENT.matcher(s.lower);
    while (now.find()) {
      // "Age at consent ≥ 18 years": the word "age" is the limit's, which follows the moment
      boolean ageFirst = s.lower.startsWith("age", now.start());
      s.explain(ageFirst ? now.start() : now.start("moment"), now.end("moment"));
    }
    Matcher r = RANGE.matcher(s.lower);
    if (r.find() && s.free(r.start(), r.end()) && unitOk(r.group(2), r.group(4), s, r.start())
        && !groupOfALimit(s, r.start()) && !COMPARED_BEFORE.matcher(s.lower.substring(0, r.start(1))).find()
        && !notTheAgeNow(s, r.start(), r.end())) {
      RegistryAge.Unit unit = unit(r.group(4));
      RegistryAge.Unit lowUnit = r.group(2) == null ? unit : unit(r.group(2));
      int a = Integer.parseInt(r.group(1));
      int b = Integer.parseInt(r.group(3));
      if (a <= b || lowUnit != unit) {
        String upper = s.lower.substring(r.end(r.group(2) == null ? 1 : 2), r.start(3));
        boolean below = BELOW_UPPER.matcher(upper).find();
        read(s, r.start(), r.end(), new AgeRule(new RegistryAge(a, lowUnit), true, new RegistryAge(b, unit), !below));
        if (PAEDIATRIC_PERSON_BEFORE.matcher(s.lower.substring(0, r.start())).matches()) s.explain(0, r.start());
        return;
      }
    }
    // "Females of childbearing potential, aged 18-45, with a negative pregnancy test", "Adults aged 18 to 65 with ITP":
    // a bare range after "aged" is in years, as "aged 18 or older" is (§75); left unread, every woman was asked
    Matcher bare = AGED_RANGE.matcher(s.lower);
    if (bare.find() && s.free(bare.start(), bare.end()) && !groupOfALimit(s, bare.start())
        && !notTheAgeNow(s, bare.start(), bare.end())) {
      int a = Integer.parseInt(bare.group(1));
      int b = Integer.parseInt(bare.group(2));
      if (a < b) {
        read(s, bare.start(), bare.end(), new AgeRule(new RegistryAge(a, RegistryAge.Unit.YEARS), true,
            new RegistryAge(b, RegistryAge.Unit.YEARS), true));
        return;
      }
    }
    Matcher o = AND_OLDER.matcher(s.lower);
    if (o.find() && s.free(o.start(), o.end()) && !groupOfALimit(s, o.start()) && !notTheAgeNow(s, o.start(), o.end())
        && !groupWithARequirement(s, o.end())) {
      read(s, o.start(), o.end(), AgeRule.atLeast(new RegistryAge(Integer.parseInt(o.group(1)), unit(o.group(2)))));
      return;
    }
    Matcher aged = AGED_AND_OLDER.matcher(s.lower);
    if (aged.find() && s.free(aged.start(), aged.end()) && !groupOfALimit(s, aged.start())
        && !notTheAgeNow(s, aged.start(), aged.end()) && !groupWithARequirement(s, aged.end())) {
      read(s, aged.start(), aged.end(), AgeRule.atLeast(new RegistryAge(Integer.parseInt(aged.group(1)),
          RegistryAge.Unit.YEARS)));
      return;
    }
    // "Patients aged 65 years or younger" had been left unread
    Matcher young = AND_YOUNGER.matcher(s.lower);
    if (young.find() && s.free(young.start(), young.end()) && !groupOfALimit(s, young.start())
        && !notTheAgeNow(s, young.start(), young.end()) && !groupWithARequirement(s, young.end())
        && NEAR_AGE.matcher(young.group()).find()) { // "disease duration of 2 years or less" is no age
      read(s, young.start(), young.end(), new AgeRule(null, false, new RegistryAge(Integer.parseInt(young.group(1)),
          unit(young.group(2))), true));
      return;
    }
    Matcher agedY = AGED_AND_YOUNGER.matcher(s.lower);
    if (agedY.find() && s.free(agedY.start(), agedY.end()) && !groupOfALimit(s, agedY.start())
        && !notTheAgeNow(s, agedY.start(), agedY.end()) && !groupWithARequirement(s, agedY.end())) {
      read(s, agedY.start(), agedY.end(), new AgeRule(null, false, new RegistryAge(Integer.parseInt(agedY.group(1)),
          RegistryAge.Unit.YEARS), true));
      return;
    }
    List<Bound> bounds = new ArrayList<>();
    Matcher m = BOUND.matcher(s.lower);
    boolean ageContext = AGE_CONTEXT.matcher(s.lower).find();
    while (m.find()) {
      if (!s.free(m.start(), m.end())) continue;
      if (groupOfALimit(s, m.start())) continue;
      // "Donor age > 60 years", "Gestational age < 32 weeks": another's age, or not the age since birth (§58)
      if (notTheAgeNow(s, m.start(), m.end())) continue;
      // "< 18" without a unit needs the word age, or whom it is about right before it where a clause ends after it:
      // "participants aged > 75", "children under 12" (§75)
      boolean othersAge = othersAge(s.lower, m.group("person") != null ? m.start("person") : m.start());
      boolean personBare = m.group(6) == null && m.group("person") != null && !othersAge
          && (m.group("aged") != null || CLAUSE_ENDS.matcher(s.lower).region(m.end(), s.lower.length()).lookingAt());
      if (m.group(6) == null && m.group("age") == null && !personBare) continue;
      if (m.group(6) == null && !ageContext && !personBare) continue;
      if (m.group(6) != null && !ageContext && m.group("age") == null && !unitIsYears(m.group(6))) continue;
      // "older than 80 years", "younger than 18 years": the comparison itself says it is an age
      // (of a person, not of a lesion or a thrombosis: said first, or right after whom it is about)
      if (!ageContext && !personBare && !(m.group(6) != null && m.group("cmp").matches("older than|younger than")
          && (PERSON_BEFORE.matcher(s.lower.substring(0, m.start())).matches()
          || !othersAge && PERSON_JOINED_BEFORE.matcher(s.lower.substring(0, m.start())).find()
          || !othersAge && m.group("person") != null && JOINER_BEFORE.matcher(s.lower.substring(0, m.start())).find()))) {
        continue;
      }
      RegistryAge.Unit unit = m.group(6) == null ? RegistryAge.Unit.YEARS : unit(m.group(6));
      bounds.add(new Bound(m.start(), m.end(), m.group("cmp"), Integer.parseInt(m.group(5)), unit));
    }
    if (bounds.isEmpty()) return;
    for (Bound b : bounds) s.consume(b.start, b.end);
    if (bounds.size() == 1) {
      read(s, bounds.get(0).start, bounds.get(0).end, bounds.get(0).rule(s.type));
      return;
    }
    if (bounds.size() == 2) {
      Bound x = bounds.get(0);
      Bound y = bounds.get(1);
      String between = s.lower.substring(x.end, y.start);
      AgeRule rx = x.rule(s.type);
      AgeRule ry = y.rule(s.type);
      // "Age ≥ 18 years (or ≥ 16 years in countries where permitted)", "Age ≥ 18 years or ≥ 16 years with parental
      // consent": a lower limit that holds only where local rules allow is any of (the limit, the lower one asked);
      // unread, every adult had been asked (§58)
      Matcher local = LOCAL_LIMIT.matcher(s.lower).region(y.end, s.lower.length());
      if (LOCAL_BETWEEN.matcher(between).matches() && local.lookingAt() && rx.max() == null && ry.max() == null
          && rx.min() != null && ry.min() != null && rx.min().unit() == ry.min().unit()
          && ry.min().amount() < rx.min().amount()) {
        int end = local.end();
        if (end < s.lower.length() && s.lower.charAt(end) == ')') end++;
        org.eligo.core.rule.Ask ask = new org.eligo.core.rule.Ask("Does this limit apply to the patient (where they "
            + "are treated): \u201c" + s.text.substring(y.start, local.end()).strip() + "\u201d?");
        int clauseEnd = end;
        s.hedges.removeIf(h -> h.start() < clauseEnd && h.end() > y.start);
        read(s, x.start, end, AnyOf.of(rx, new org.eligo.core.rule.AllOf(List.of(ry, ask))));
        return;
      }
      if (OR_BETWEEN.matcher(between).matches()) {
        read(s, x.start, y.end, AnyOf.of(rx, ry));
        return;
      }
      if (AND_BETWEEN.matcher(between).matches() && (rx.min() == null) != (ry.min() == null)) {
        AgeRule lo = rx.min() != null ? rx : ry;
        AgeRule hi = rx.min() != null ? ry : rx;
        read(s, x.start, y.end, new AgeRule(lo.min(), lo.minInclusive(), hi.max(), hi.maxInclusive()));
        return;
      }
    }
    s.hedge(bounds.get(0).start, bounds.get(bounds.size() - 1).end, "age", null);
  }

  /**
   * The ages at {@code at} name the group a limit just before them applies to ("Lansky ≥ 50 for patients ≤ 16
   * years"): {@link MeasurementRecogniser} reads them with that limit ({@link AgeScope}).
   */
  /**
   * Someone other than the patient whose age a sentence may give: "Caregiver aged 18 years or older", "Sibling donor
   * aged 18 to 60 years", "Donor age &gt; 60 years", "Parent or legal guardian ≥ 18 years of age" (§58).
   */
  private static final String OTHER_PERSON = "siblings?|brothers?|sisters?|sons?|daughters?|parents?|mothers?"
      + "|fathers?|donors?|partners?|spouses?|offspring|grandchild(?:ren)?|care-?givers?|carers?|guardians?"
      + "|representatives?|relatives?|family\\s+members?|household\\s+(?:contacts?|members?)";

  /** A child named as someone the patient has or cares for, not the patient (§66). */
  private static final String CHILD_NAMED = "(?:child(?:ren)?|infants?|bab(?:y|ies)|newborns?|kids?|toddlers?"
      + "|neonates?)";

  /** A past event an age may be given at: "at diagnosis", "at transplant", "at onset of symptoms" (§58, §62). */
  private static final String PAST_EVENT = "diagnos\\w*|transplant\\w*|hsct|sct|bmt|hct|onset|presentation|birth"
      + "|delivery|splenectomy|surgery|relapse|symptoms?|menarche";

  /**
   * An age at a past event or another person's: "Diagnosis of ITP at age 12 years or younger", "onset when aged 16 or
   * younger", "a sibling aged 10 years or younger". Read as the patient's age now, an adult diagnosed as a child was
   * turned away; left unread, it is asked.
   */
  private static final Pattern NOT_NOW_BEFORE = Pattern.compile("(?:\\b(?:at|when|while|by|before|until|since|after)"
      + "\\s+(?:the\\s+)?|\\b(?:" + OTHER_PERSON + ")(?:'s?)?\\s+(?:(?:(?:who|that)\\s+)?(?:is|are|was|were)\\s+"
      + "|(?:must|should|shall)\\s+be\\s+)?"
      // "Women with children aged 2 to 17 years", "Mothers of infants aged < 6 months", "Parents caring for a child
      // aged 2-12 years": a child the sentence names beside the patient, its age is the child's, not hers
      + "|\\b(?:with|of|for|has|have|having|their|her|his)\\s+(?:(?:a|an|the|one|two|three|young|own|minor"
      + "|dependent|biological)\\s+){0,2}" + CHILD_NAMED + "\\s+(?:(?:who|that)\\s+(?:is|are|was|were)\\s+)?"
      // "Parent of a child with ITP aged 1 to 17 years", "Mothers of infants with sickle cell disease aged < 2 years"
      // (§69)
      + "(?:(?:with|who\\s+(?:has|have))\\s+[a-z0-9' -]{1,30}?\\s+)?"
      // "Gestational age < 32 weeks", "Corrected age ≥ 6 months", "Bone age ≤ 14 years": not the age since birth (§58)
      + "|\\b(?:gestational|corrected|adjusted|post-?menstrual|post-?conceptional|post-?conceptual|bone|skeletal"
      + "|mental|developmental|maternal|paternal|parental)\\s+"
      // "Age of the donor > 60 years", "age of sibling donor 18 to 60 years"
      + "|\\bage[ds]?\\s+of\\s+(?:the\\s+|a\\s+|their\\s+|his\\s+|her\\s+)?(?:[a-z-]+\\s+)?(?:" + OTHER_PERSON + ")"
      + "\\s*(?:(?:is|must\\s+be|should\\s+be)\\s*)?:?\\s*"
      // "Age at transplant ≤ 21 years", "Age at HSCT < 18 years", "Age at symptom onset ≤ 40 years": the age at a past
      // event written before the limit (§62), as it is when written after it
      + "|\\bage[ds]?\\s+(?:at|when|while|on)\\s+(?:the\\s+)?(?:time\\s+of\\s+)?(?:(?:first|initial|original|their|his"
      + "|her)\\s+)?(?:[a-z0-9-]+\\s+){0,3}?(?:" + PAST_EVENT + ")\\s*(?:(?:is|was|must\\s+be|should\\s+be)\\s*)?:?\\s*)$");

  /**
   * "Patients aged 12 years or younger require parental consent": the age names whom a requirement binds, it is not
   * one; read as a limit, every adult was turned away. ("... must ...", "... need to ..." are bound by
   * {@link CriterionParser} to their group.)
   */
  private static final Pattern REQUIREMENT_AFTER = Pattern.compile("^\\s*[,:]?\\s*(?:requir(?:e|es|ed)"
      + "|(?:is|are)\\s+required|needs?)\\b(?!\\s+to\\b)");

  private static boolean groupWithARequirement(Sentence s, int end) {
    return REQUIREMENT_AFTER.matcher(s.lower.substring(end)).find();
  }

  /**
   * An age at a past event written after it: "Less than 18 years old at ITP diagnosis", "Age ≤ 21 years at
   * transplant", "Aged 40 years or younger at onset of symptoms". Read as the age now, an adult diagnosed (or
   * transplanted) as a child was turned away (§58). "At the time of signing informed consent", "at screening" are now.
   */
  private static final Pattern NOT_NOW_AFTER = Pattern.compile("^\\s*,?\\s*(?:at|when|while|by|on)\\s+(?:the\\s+)?"
      + "(?:time\\s+of\\s+)?(?:(?:first|initial|original|their|his|her)\\s+)?(?:[a-z0-9-]+\\s+){0,3}?"
      + "(?:" + PAST_EVENT + ")\\b");

  /**
   * Another study, named after a moment: "in the parent study", "to the prior study", "of the core study", "on COG ALL
   * study", "for the lead-in study", "in study ABC-001". Not "the study", "this study", "the current study".
   */
  private static final String ANOTHER_STUDY = "(?:\\b(?:of|in|into|to|on|for|from|within)\\s+(?:the\\s+|a\\s+|an\\s+)?"
      + "(?:(?!(?:this|current|present|the|a|an|in|into|of|to|for|on|and|or)\\b)[a-z0-9-]+\\s+){1,4}"
      + "(?:study|trial|protocol)\\b|\\b(?:study|trial|protocol)\\s+(?:no\\.?\\s*|number\\s+|#\\s*)?[a-z]*-?\\d[a-z0-9-]*)";

  /**
   * "Aged 12 to 17 years at enrollment in the parent study", "Age ≤ 17 years on Day 1 of the prior study", "Age 2 to 17
   * years at the time of enrollment in study ABC-001": the moment a rollover study means is another study's, past; read
   * as the age now (§59's moment), the adult who enrolled at 17 was turned away. Left unread, it is asked.
   */
  private static final Pattern OTHER_STUDY_AFTER = Pattern.compile("^\\s*,?\\s*(?:at|on|upon|by|as\\s+of|when|during)"
      + "\\s+[^.;()≥≤<>]{0,60}?" + ANOTHER_STUDY);

  /** "Age at enrollment into the parent study ≥ 18 years": the same moment written before the limit. */
  private static final Pattern OTHER_STUDY_BEFORE = Pattern.compile("\\bage[ds]?\\s+(?:at|on|upon|when|during)\\s+"
      + "[^.;()≥≤<>\\d]{0,60}?(?:" + ANOTHER_STUDY + ")\\s*(?:(?:is|was|must\\s+be|should\\s+be)\\s*)?:?\\s*$");

  /** "children aged", "children who are": a child word the age's own match begins with (BOUND's lead). */
  private static final Pattern CHILD_LEAD = Pattern.compile("child(?:ren)?\\s+(?:(?:who|that)\\s+(?:is|are)\\s+)?");

  private static boolean notTheAgeNow(Sentence s, int at, int end) {
    // "Parents of children aged < 12 years", "Women with children younger than 5 years": the match begins with the
    // child, whose words "of"/"with" are before it (§69)
    Matcher child = CHILD_LEAD.matcher(s.lower).region(at, end);
    int upTo = child.lookingAt() ? child.end() : at;
    return NOT_NOW_BEFORE.matcher(s.lower.substring(Math.max(0, at - 40), upTo)).find()
        || NOT_NOW_AFTER.matcher(s.lower.substring(end)).find()
        || OTHER_STUDY_BEFORE.matcher(s.lower.substring(Math.max(0, at - 100), at)).find()
        || OTHER_STUDY_AFTER.matcher(s.lower.substring(end)).find();
  }

  /**
   * Person words that name women only, before the age: "Women aged 18 to 45 years", "Non-pregnant females below 50
   * years of age with ITP", "Female patients aged 18-45". Not "Male or female patients", "Men and women".
   */
  private static final Pattern WOMEN_ONLY = Pattern.compile("^\\W*(?:(?:non-?pregnant|non-?lactating|non-?breast-?feeding"
      + "|post-?menopausal|pre-?menopausal|adult|healthy)\\s*,?\\s*(?:and\\s+|or\\s+)?)*(?:women|woman|females?|girls?)"
      + "\\b(?:\\s+(?:patients?|subjects?|participants?|volunteers?))?");
  /** Another group of people joined after the women: ", or patients", "and all participants" (§66). */
  private static final Pattern ANOTHER_GROUP = Pattern.compile("(?:,|\\bor\\b|\\band\\b|/)[^,;]*?\\b(?:patients?"
      + "|subjects?|participants?|individuals?|persons?|people|adults?|anyone|everyone|those|volunteers?"
      // "Pregnant women, or adolescents aged < 16 years", "Women (and adolescent girls aged 12 to 17 years)" (§69)
      + "|adolescents?|teenagers?|minors?|children|infants?)\\b");
  /** The words before an age's first number or "age": "patients aged", "participants ". */
  private static final Pattern AGE_LEAD = Pattern.compile("[^\\d≥≤<>]*?(?=\\bage|[\\d≥≤<>]|$)");
  private static final Pattern MEN = Pattern.compile("\\b(?:males?|men|man|boys?)\\b");

  /**
   * An age limit written for women binds women: in the inclusion list a man outside it is asked, not failed (a man of
   * 56 failed "Non-pregnant women aged 18 to 45 years" in a trial open to both sexes); in the exclusion list it
   * excludes no man ("Women older than 50 years" had excluded men of 60).
   */
  private static Rule forWhom(Sentence s, int at, Rule age) {
    String before = s.lower.substring(0, at);
    Matcher women = WOMEN_ONLY.matcher(before);
    if (!women.lookingAt() || MEN.matcher(before).find()) return age;
    // "Women who are pregnant, or patients aged < 18 years": another group joined after the women is whom the age binds
    // (the age's own match may begin with those person words: "patients aged < 18 years")
    Matcher lead = AGE_LEAD.matcher(s.lower).region(at, s.lower.length());
    String between = s.lower.substring(women.end(), lead.lookingAt() ? lead.end() : at);
    // "Women, or adults aged ≥ 65 years", "Women and patients aged ≥ 65 years": in the inclusion list the women are an
    // alternative the age does not bind, so a woman outside it is asked, not failed (§69)
    if (ANOTHER_GROUP.matcher(between).find()) return s.type == CriterionType.EXCLUSION ? age
        : AnyOf.of(age, AllOf.of(new SexRule(java.util.Set.of(Sex.FEMALE)),
            new Ask("The age limit is written for the group named after the women: does it apply to the women too?")));
    SexRule men = new SexRule(java.util.Set.of(Sex.MALE));
    if (s.type == CriterionType.EXCLUSION) return AllOf.of(age, new Not(men));
    return AnyOf.of(age, AllOf.of(men, new Ask("The age limit is written for women: does it apply to men too?")));
  }

  /**
   * A moment of the study still to come at which an age is to hold: "at (the time of) (the) first dose (of study
   * drug)", "at the start of study treatment", "on the day of first dosing", "at treatment initiation" (§75).
   */
  static final String FUTURE_MOMENT = "(?:at|on|upon|by|as\\s+of)\\s+(?:the\\s+)?(?:(?:time|date|day|moment)\\s+of"
      + "\\s+)?(?:the\\s+|their\\s+)?(?:(?:first|initial|1st)\\s+(?:dose|dosing|administration|infusion|injection"
      + "|vaccination)|(?:start|initiation|beginning)\\s+of\\s+(?:the\\s+)?(?:study|trial)\\s+(?:treatment"
      + "|therapy|dosing|drug|medication)|first\\s+day\\s+of\\s+(?:study\\s+)?dosing"
      + "|(?:first|initial)\\s+study\\s+(?:treatment|dose|drug))(?:\\s+(?:of|with)\\s+(?:the\\s+)?(?:study"
      + "|investigational|trial)\\s+(?:drug|treatment|medication|product|intervention|agent|vaccine|therapy))?\\b"
      // "at the first dose of rituximab", "at the start of treatment with eltrombopag": a named drug's first dose may
      // be long past (a survey of those treated); it stays asked
      + "(?!\\s*(?:of|with)\\b)";
  private static final Pattern FUTURE_AFTER = Pattern.compile("^\\s*,?\\s*(?<moment>" + FUTURE_MOMENT + ")");
  private static final Pattern FUTURE_BEFORE = Pattern.compile("\\bage[ds]?\\s+" + FUTURE_MOMENT
      + "\\s*(?:(?:is|must\\s+be|should\\s+be)\\s*)?:?\\s*$");
  /** An age's limit ending just before a moment: "18 years", "18 years of age", "18 years old", "age". */
  private static final Pattern AGE_ENDS = Pattern.compile("(?:\\d\\s*(?:years?|yrs?|months?|weeks?|days?)(?:\\s+of\\s+age"
      + "|[- ]old)?|\\bold|\\bolder|\\byounger|\\bof\\s+age|\\binclusive|\\d)\\s*,?\\s*$");

  /**
   * Whether the moment at {@code at} ("at the time of the first dose") follows an age limit: the age is then read
   * for that moment here, not left to {@code HedgeRecogniser} as a past one.
   */
  static boolean ageAtAMomentToCome(String lower, int at) {
    return AGE_CONTEXT.matcher(lower).find() && AGE_ENDS.matcher(lower.substring(0, at)).find()
        && FUTURE_AFTER.matcher(lower.substring(at)).lookingAt();
  }

  private static void read(Sentence s, int start, int end, Rule rule) {
    // "Age ≥ 18 years at the time of the first dose", "Age at first dose ≥ 18 years": an age at a moment still to
    // come; read as the age now, a patient of 17 years and 11 months who will be 18 at the first dose was failed
    Matcher after = FUTURE_AFTER.matcher(s.lower).region(end, s.lower.length());
    int from = Math.max(0, start - 100);
    Matcher before = FUTURE_BEFORE.matcher(s.lower.substring(from, start));
    boolean isAfter = after.lookingAt();
    boolean isBefore = !isAfter && before.find();
    if ((isAfter || isBefore) && rule instanceof AgeRule age) {
      int momentStart = isAfter ? after.start("moment") : from + before.start();
      int momentEnd = isAfter ? after.end("moment") : start;
      rule = atAMomentToCome(age, s.text.substring(Math.min(start, momentStart), Math.max(end, momentEnd)).strip());
      s.explain(momentStart, momentEnd);
    }
    s.read(start, end, forWhom(s, start, rule));
  }

  /**
   * An age limit that must hold at a moment still to come (the first dose): the patient will be older then, never
   * younger. A lower limit is met by one old enough now, asked of one who reaches it within a year, and fails one
   * younger; an upper limit fails one already past it, is asked of one who may pass it within a year, and is met by
   * the others (§75).
   */
  static Rule atAMomentToCome(AgeRule age, String words) {
    Ask ask = new Ask("Will the patient's age be within the limit at that moment: \u201c" + words + "\u201d?");
    List<Rule> parts = new ArrayList<>();
    if (age.min() != null) {
      AgeRule lower = new AgeRule(age.min(), age.minInclusive(), null, false);
      RegistryAge earlier = yearBefore(age.min());
      parts.add(earlier == null ? AnyOf.of(lower, ask)
          : AnyOf.of(lower, AllOf.of(new AgeRule(earlier, age.minInclusive(), null, false), ask)));
    }
    if (age.max() != null) {
      AgeRule upper = new AgeRule(null, false, age.max(), age.maxInclusive());
      RegistryAge earlier = yearBefore(age.max());
      parts.add(earlier == null ? AllOf.of(upper, ask)
          : AnyOf.of(new AgeRule(null, false, earlier, age.maxInclusive()), AllOf.of(upper, ask)));
    }
    return parts.size() == 1 ? parts.get(0) : AllOf.of(parts.toArray(Rule[]::new));
  }

  /** The limit a year earlier in its own unit, or null when that is below zero or the unit is finer than a day. */
  private static RegistryAge yearBefore(RegistryAge limit) {
    int year = switch (limit.unit()) {
      case YEARS -> 1;
      case MONTHS -> 12;
      case WEEKS -> 53;
      case DAYS -> 366;
      default -> -1;
    };
    if (year < 0 || limit.amount() - year < 0) return null;
    return new RegistryAge(limit.amount() - year, limit.unit());
  }

  private static boolean groupOfALimit(Sentence s, int at) {
    return AgeScope.namesAGroup(s.lower, at)
        && LIMIT_BEFORE.matcher(s.lower.substring(Math.max(0, at - 80), at)).find();
  }

  private static boolean unitOk(String low, String high, Sentence s, int at) {
    return high != null && (s.lower.substring(Math.max(0, at - 12), Math.min(s.lower.length(), at + 60))
        .transform(t -> NEAR_AGE.matcher(t).find()) || unitIsYears(high));
  }

  private static boolean unitIsYears(String unit) {
    return unit.startsWith("y");
  }

  private record Bound(int start, int end, String cmp, int amount, RegistryAge.Unit unit) {
    AgeRule rule(CriterionType type) {
      RegistryAge age = new RegistryAge(amount, unit);
      boolean coarse = unit == RegistryAge.Unit.YEARS || unit == RegistryAge.Unit.MONTHS;
      return switch (cmp) {
        case "≥", "greater than or equal to", "at least" -> new AgeRule(age, true, null, false);
        case "≤", "less than or equal to", "no more than", "not more than", "up to" -> new AgeRule(null, false, age,
            true);
        case "<", "younger than", "less than", "under", "below" -> new AgeRule(null, false, age, false);
        default -> new AgeRule(age, coarse && type == CriterionType.INCLUSION, null, false);
      };
    }
  }

  private static RegistryAge.Unit unit(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("y")) return RegistryAge.Unit.YEARS;
    if (w.startsWith("m")) return RegistryAge.Unit.MONTHS;
    if (w.startsWith("w")) return RegistryAge.Unit.WEEKS;
    return RegistryAge.Unit.DAYS;
  }
}
