package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.Unparsed;

/**
 * Finds clauses that narrow a sentence in ways no record settles: refractory or no response, relapse, intolerance,
 * severity ("uncontrolled", "severe"), causation ("secondary to"), conditions ("if", "unless"), exceptions the
 * sentence grants ("… may be enrolled", "… are allowed"), concomitant use,
 * "cannot replace". Each becomes a question, so the sentence's rule is {@code AllOf(what was read, Ask(question))}:
 * it can never exclude on the narrowing clause alone. Clauses that move the time of the whole sentence into the past
 * ("at the start of treatment") make the sentence {@link Unparsed}, since ages and labs would be read at the wrong
 * time.
 */
final class HedgeRecogniser implements Recogniser {

  private record Family(String name, Pattern pattern) {}

  private static final List<Family> FAMILIES = List.of(
      new Family("refractory", Pattern.compile("\\b(?:refractory|resistant|ineffective|ineffectiveness"
          + "|inadequate(?:ly)? respon\\w*|no response|not respond\\w*|non-?respon\\w*|(?:did|do|does|have|has|had) not (?:achieve|respond)\\w*"
          + "|without achieving|fail(?:ed|ure)? (?:to|of)|treatment failure|not adequately respond\\w*"
          + "|not responding|poor(?:ly)? respon\\w*|response and well tolerate|response to"
          // "Autoimmune cytopenia not controlled by corticosteroids": a failure of the drug, not a severity of now
          + "|(?:not|inadequately|insufficiently|poorly) controlled (?:by|with)(?= [a-z]))\\b")),
      // "platelets < 30 × 10^9/L on two occasions at least 7 days apart": the latest value is one of them
      new Family("repeated", Pattern.compile("\\bon (?:at least )?(?:two|2|three|3|≥ ?2) (?:separate |consecutive "
          + "|different |independent )?(?:occasions|measurements|readings|determinations|assessments|counts)(?:,? (?:at least |≥ ?)?\\d+ (?:days?|weeks?|months?) apart)?"
          + "|\\b(?:at least |≥ ?)?\\d+ (?:days?|weeks?) apart\\b")),
      // "Prior treatment with more than one JAK inhibitor", "History of more than one thrombotic event": a count the
      // record's entries do not give (one drug may be listed twice, two courses once). "one", "more" and "than" are
      // words that say nothing elsewhere ("at least one"), so the count vanished and one JAK inhibitor excluded
      // "Treatment with two or more JAK inhibitors": the number stood unread beside the drug as an alternative of its own
      new Family("count", Pattern.compile("\\b(?:(?:more|greater)\\s+than\\s+(?:one|a\\s+single)"
          + "|(?:two|three|four|2|3|4)\\s+or\\s+more|at\\s+least\\s+(?:two|three|four|2|3|4))\\b"
          // "at least 4 units of red blood cells" is a quantity, not a count of transfusions (§50)
          + "(?!\\s+(?:years?|months?|weeks?|days?|hours?|times|occasions|consecutive|separate|units?)\\b)"
          + "(?=\\s+(?:prior\\s+|previous\\s+|different\\s+|distinct\\s+)?[a-z][a-z-]{2,})")),
      new Family("relapse", Pattern.compile("\\b(?:relapse[sd]?|relapsing|recurren\\w+|recurred|recurrence)\\b")),
      new Family("intolerant", Pattern.compile("\\b(?:intoleran\\w*|not tolerat\\w*|unable to tolerate"
          + "|adverse (?:events?|effects?|reactions?)|side effects?|well tolerat\\w*)\\b")),
      new Family("cannot-replace", Pattern.compile("\\b(?:cannot|can not|unable to) (?:replace|stop|discontinue"
          + "|switch|withdraw)\\b")),
      new Family("unsuitable", Pattern.compile("\\b(?:unsuitable|not suitable|contraindicat\\w*|ineligible)\\b")),
      new Family("negative", Pattern.compile("\\b(?:unable to|inability|not able to|unwilling\\w*|refus\\w+"
          + "|cannot|can not|could not|did not|does not|do not|has not|have not|had not|is not|are not|was not"
          + "|were not)\\b")),
      // "Less severe ITP": the word that lessens goes with it, or the question asked whether the ITP is severe and a "no"
      // excluded the patients asked for
      new Family("severity", Pattern.compile("\\b(?:(?:less|mildly|moderately)\\s+severe|severe|severity|uncontroll\\w+"
          + "|not controlled|poorly controlled"
          + "|significant|serious|clinically|unstable|moribund|life[- ]threatening|major|decompensated)\\b")),
      // "Grade ≥ 3 hemorrhage, thrombosis or infection", "CTCAE grade 3 or 4 infection": an adverse-event grade, which
      // records rarely hold, asked as a severity is; unread, "Grade ≥ 3" stood apart and any thrombosis excluded
      new Family("severity", Pattern.compile("(?<![\\p{L}\\d])(?:(?:≥|>=|>)\\s*)?(?:(?:nci[- ])?ctcae\\s+(?:v\\d(?:\\.\\d+)?\\s+)?)?"
          + "(?<!nyha\\s)(?<!pugh\\s)grade\\s*(?:≥|>=|>|≤|<=|<)?\\s*[1-5]\\b(?:\\s*(?:or|-|–|to|/|and)\\s*[2-5]\\b)?"
          + "(?:\\s+(?:or|and)\\s+(?:higher|greater|above|worse))?")),
      new Family("cause", Pattern.compile("\\b(?:secondary|due to|caused by|causes?|causing|related to|associated with"
          + "|induced|attributable|supervened|underlying|etiolog\\w*|aetiolog\\w*|origins?)\\b")),
      new Family("contingent", Pattern.compile("\\b(?:if|unless|provided that|whether|otherwise|only when)\\b")),
      // "(patients with treated basal cell carcinoma may be enrolled)": an exception the sentence grants
      // "Hemoglobin ≥ 9 g/dL; patients may be transfused to reach this level": the limit may be met after a transfusion
      new Family("permitted", Pattern.compile("\\b(?:(?:may|can|could|will) (?:be )?(?:enroll\\w*|included|participate"
          + "|eligible|allowed|permitted|transfused(?: to (?:reach|achieve|meet) (?:this|these|the) (?:level|value|threshold"
          + "|limit|criterion)s?)?)|(?:are|is|be) (?:allowed|permitted|acceptable)|(?:are|is) not excluded"
          + "|(?:where|when|if|as) (?:locally )?(?:permitted|allowed|approved)|permitted by)\\b")),
      // "Prior allogeneic HSCT": the terminology has one transplant concept, and a record cannot say which kind; read
      // as any transplant, a patient after an autologous one was excluded
      new Family("transplant-kind", Pattern.compile("\\b(?:allogeneic|allogenic|allo-(?=hsct|sct|hct|bmt|transplant)"
          + "|autologous|auto-(?=hsct|sct|hct|transplant)|haplo-?identical|syngeneic|cord blood)")),
      new Family("concomitant", Pattern.compile("\\b(?:concomitant\\w*|in combination|combined with|simultaneous\\w*"
          + "|maintenance|stable dose|dose (?:had )?(?:been )?stable|tapering|taper\\w*)\\b")),
      new Family("outcome", Pattern.compile("\\b(?:death|likely|preclude|compromise|insufficien\\w+|impair\\w*|dysfunction)\\b")),
      new Family("definition", Pattern.compile("\\b(?:(?:requir|need)\\w*\\s+(?:\\w+\\s+)?(?:treatment|therapy|therapies"
          + "|medications?|intervention)|suspected|possible|probable|definite|diagnostic criteria"
          + "|according to|first[- ]line|second[- ]line|line therap\\w+|conventional|sufficient|full[- ]dose"
          + "|(?:high|low|reduced|intermediate)[- ]dose"
          + "|standard(?:[- ]dose)?|appropriate|without organ complications|other diseases?)\\b")));

  /**
   * An exception to the whole clause: "unless …", "except if …", up to the clause's end. One in parentheses is
   * {@link RuleAssembler}'s ("ALT &gt; 3 × ULN (unless attributed to liver cGVHD)" reads the disease it names).
   */
  private static final Pattern EXCEPTION_CLAUSE = Pattern.compile("(?<!\\(\\s?)\\b(?:unless|except\\s+(?:if|when|where))\\b"
      + "(?<clause>[^;().]*?)(?=\\s*(?:[;().]|,\\s*(?:or|and)\\b|$))");

  /**
   * "Primary ITP, regardless of prior splenectomy", "PNH irrespective of prior eculizumab treatment": what the clause
   * names neither counts nor is required. Read as a name, it was required (a patient who kept the spleen failed).
   * Not "independent of": "Hemoglobin ≥ 10 g/dL independent of transfusion" requires no recent transfusion. The
   * clause ends before a time window or a limit of the sentence ("Thrombosis regardless of cause within 6 months",
   * "Primary ITP regardless of prior therapy with platelets &lt; 30 × 10^9/L"): set aside with the clause, the window
   * was lost and a thrombosis years ago excluded.
   */
  static final Pattern REGARDLESS_CLAUSE = Pattern.compile("\\b(?:regardless|irrespective)\\s+of\\b"
      + "(?<clause>[^;()]*?)(?=\\s*(?:[;()]|\\.(?:\\s|$)|,|$)|\\s+(?:within|during|since|in\\s+the\\s+(?:past|last"
      + "|previous|preceding))\\b|\\s+(?:with|and|who\\s+ha(?:ve|s))\\s+(?=[^;,()]*?[≥≤<>]))");
  /**
   * "Primary ITP with or without prior splenectomy", "HIV infection, with or without antiretroviral therapy": what the
   * clause names is indifferent, as after "regardless of", and ends where that clause would. A "without" read as a
   * denial left the whole sentence not understood. A transfusion so named is {@link MeasurementRecogniser}'s ("…, with
   * or without transfusion": no transfusion-free window).
   */
  static final Pattern WITH_OR_WITHOUT_CLAUSE = Pattern.compile("\\bwith\\s+or\\s+without\\b"
      + "(?<clause>[^;()]*?)(?=\\s*(?:[;()]|\\.(?:\\s|$)|,|$)|\\s+(?:within|during|since|in\\s+the\\s+(?:past|last"
      + "|previous|preceding))\\b|\\s+(?:with|and|who\\s+ha(?:ve|s))\\s+(?=[^;,()]*?[≥≤<>]))");

  /**
   * Words after which a "with or without" clause no longer names what is indifferent but qualifies what comes before
   * it: "and" (not "and/or"), a relative clause, a condition, a verb.
   */
  private static final Pattern CLAUSE_RUNS_ON = Pattern.compile("\\band\\b(?!\\s*/)|\\b(?:that|which|who|whom|whose"
      + "|where|when|while|if|unless|except|but|requiring|requires?|required|needing|needs?|despite|due|because"
      + "|resulting|leading|causing|is|are|was|were|has|have|had|must|should|not|no)\\b");

  /** A clause with a verb of its own, whose window is its own: "whether patients received", "treatment given". */
  private static final Pattern CLAUSE_VERB = Pattern.compile("\\b(?:whether|was|were|had|has|have|is|are|given|taken"
      + "|received|treated|used|administered|performed)\\b");
  /** The clause to the next break, window and all. */
  private static final Pattern REGARDLESS_TO_BREAK = Pattern.compile("\\b(?:regardless|irrespective)\\s+of\\b"
      + "[^;()]*?(?=\\s*(?:[;()]|\\.(?:\\s|$)|,|$))");

  /**
   * A grant in a later clause: "Platelets ≥ 50 × 10^9/L; patients with ITP are eligible with platelets ≥ 30", "Age ≥ 18
   * years. Patients aged 16-17 are also eligible with parental consent". The clause widens the limit before it; read
   * as more words of the sentence its group and limit had been required of everyone (an adult without ITP and
   * platelets of 80 failed). Only after ";", a full stop or in parentheses ("Active infection (patients with HIV on
   * antiretroviral therapy are eligible)"): "Only patients with SAA are eligible" and "patients who are eligible for
   * transplant" are requirements.
   */
  /** "; only patients with SAA are eligible": the clause restricts, it does not grant. */
  private static final Pattern RESTRICTS_GROUP = Pattern.compile("\\b(?:only|solely|exclusively|not|no|never)\\b");
  private static final Pattern CLAUSE_GRANT = Pattern.compile("(?:[;.]\\s+[^;.]*?|\\(\\s*[^;.()]*?)"
      + "\\b(?<grant>(?:is|are)\\s+(?:also\\s+"
      + "|still\\s+|then\\s+)?(?:eligible|included|accepted))\\b(?!\\s+(?:only|for)\\b)");

  private static final String ALLO = "(?:allogeneic|allogenic|allo-?)";
  private static final String AUTO = "(?:autologous|auto-?)";
  /** "allogeneic or autologous", "autologous and/or allogeneic", "auto/allo": both kinds of transplant together. */
  static final Pattern BOTH_TRANSPLANT_KINDS = Pattern.compile("\\b(?:" + ALLO + "\\s*(?:or|and/or|/|,)\\s*" + AUTO
      + "|" + AUTO + "\\s*(?:or|and/or|/|,)\\s*" + ALLO + ")(?![a-z])");

  /** All families in one pattern (one scan per sentence); group "f3" is the fourth family. */
  private static final Pattern ANY = combined();

  private static Pattern combined() {
    StringBuilder b = new StringBuilder("(?<![a-z])(?:");
    for (int i = 0; i < FAMILIES.size(); i++) {
      if (i > 0) b.append('|');
      b.append("(?<f").append(i).append('>').append(FAMILIES.get(i).pattern().pattern()).append(')');
    }
    return Pattern.compile(b.append(')').toString());
  }

  private static final Keywords SHIFT_HINT = Keywords.of("at the", "at diagnosis", "at onset", "at baseline of",
      "at presentation", "at initial", "at first", "at original", "approval", "first time", "first-time",
      "end-of-treatment", "naive", "naïve", "before any study", "onset", "diagnosis", "illness", "admission",
      "hospitali", "morbid");
  /**
   * A moment before the evaluation date: "at diagnosis", "at presentation", "at initial diagnosis" ("Diagnosis of
   * immune TTP (ADAMTS13 activity &lt; 10% at presentation)" had required the latest ADAMTS13 below 10%, failing a
   * patient in remission). "At the time of screening" (enrollment, randomization, study entry) is now, as "at
   * screening" is.
   */
  private static final Pattern TIME_SHIFT = Pattern.compile("\\bat the (?:start|time|beginning|end) of\\b"
      + "(?!\\s+(?:the\\s+)?(?:screening|enrol(?:l)?ment|randomi[sz]ation|study entry|entry|inclusion)\\b)"
      + "|\\bat (?:the )?(?:(?:initial|first|original)\\s+)?(?:diagnosis|presentation)\\b"
      + "|\\bat (?:onset|baseline of)\\b|\\bafter the approval\\b|\\bfor the first time\\b"
      + "|\\bend-of-treatment\\b|\\bna[iï]ve\\b|\\bfirst[- ]time\\b|\\bbefore any study\\b"
      // "ECOG 0, 1, or 2 prior to disease onset", "Karnofsky ≥ 60 before the current illness", "Premorbid ECOG 0-2":
      // a value as it was before the disease or the admission, which the latest result (taken during it) does not
      // give; read as the latest, a patient whom the illness brought to ECOG 3 was failed (§63)
      + "|\\b(?:prior\\s+to|before)\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+)?(?:(?:initial|first|original)\\s+)?"
      + "(?:(?:[a-z0-9-]+\\s+)?(?:onset|diagnosis)"
      + "|(?:(?:start|beginning)\\s+of\\s+(?:the\\s+)?)?(?:current|present|acute)\\s+(?:illness|disease|episode)"
      // "prior to the current admission", "before this hospitalization", "prior to ICU admission": the admission the
      // illness brought, as "hospital admission" is (§65)
      + "|illness|(?:(?:current|present|index|this)\\s+)?(?:(?:hospital|icu|intensive\\s+care(?:\\s+unit)?)\\s+)?"
      + "(?:admission|hospitali[sz]ation))\\b"
      + "|\\bpre-?(?:morbid|illness|admission|hospitali[sz]ation|diagnosis)\\b");


  /** A moment of the study still to come: "after randomization", "following enrollment". */
  private static final Pattern TO_COME = Pattern.compile("\\b(?:after|following)\\s+(?:the\\s+)?(?:screening"
      + "|enrol(?:l)?ment|randomi[sz]ation|study\\s+entry|registration)\\b");
  /** "28 days after enrollment", "within 7 days after randomization": a time measured from it, left to the others. */
  private static final Pattern DURATION_BEFORE = Pattern.compile("\\b(?:days?|weeks?|months?|years?|hours?)\\s*$");

  @Override
  public void read(Sentence s) {
    Matcher shift = TIME_SHIFT.matcher(s.lower);
    // "at the time of signing the informed consent" was set aside as the screening visit's: that is now, not the past
    // "Age ≥ 18 years at the time of the first dose": a moment to come, which AgeRecogniser reads with the age (§75)
    if (SHIFT_HINT.in(s.lower) && shift.find() && !s.asideAny(shift.start(), shift.end())
        && !AgeRecogniser.ageAtAMomentToCome(s.lower, shift.start())) {
      s.settle(new Unparsed("refers to a past moment (\"" + shift.group() + "\"), not the evaluation date"));
      return;
    }
    // "Plasma exchange after randomization", "Splenectomy after screening": what is to come, which no record holds;
    // with "after" and the moment read as words that say nothing, a splenectomy of 2015 had excluded (§50)
    Matcher toCome = TO_COME.matcher(s.lower);
    if (toCome.find() && !s.asideAny(toCome.start(), toCome.end())
        && !DURATION_BEFORE.matcher(s.lower.substring(0, toCome.start())).find()) {
      s.settle(new Unparsed("refers to a time to come (\"" + toCome.group() + "\"), not the record's past"));
      return;
    }
    // "Prior rituximab unless given more than 12 months ago", "HIV infection unless CD4 count > 350": what the
    // exception names is the exception's, not the sentence's ("rituximab more than 12 months ago" had been read as
    // what excludes): its words are left unread and the exception is asked about
    Matcher exception = EXCEPTION_CLAUSE.matcher(s.lower);
    while (exception.find()) {
      s.setAside(exception.start("clause"), exception.end("clause"));
      s.consume(exception.start("clause"), exception.end("clause"));
      // the exception itself is asked ("except when due to Gilbert's" had been read away without a question, so the
      // patients it exempts were judged on the rest)
      s.hedge(exception.start(), exception.start("clause"), "exception", null);
    }
    Matcher regardless = REGARDLESS_CLAUSE.matcher(s.lower);
    while (regardless.find()) {
      int end = regardless.end();
      if (CLAUSE_VERB.matcher(regardless.group("clause")).find()) {
        // "regardless of whether patients received eculizumab within the past 6 months": the window is the clause's
        Matcher whole = REGARDLESS_TO_BREAK.matcher(s.lower);
        if (whole.find(regardless.start())) end = Math.max(end, whole.end());
      }
      s.setAside(regardless.start(), end);
      s.consume(regardless.start(), end);
    }
    Matcher withOrWithout = WITH_OR_WITHOUT_CLAUSE.matcher(s.lower);
    while (withOrWithout.find()) {
      if (withOrWithout.group("clause").contains("transf")) continue;
      // "HIV infection with or without antiretroviral therapy and detectable viral load", "… that is not controlled",
      // "Hepatitis B with or without antiviral therapy requiring hospitalization": the clause runs on into words that
      // qualify the disease, not the clause. Set aside whole, they were dropped and every patient with HIV excluded;
      // such a clause is left as it was before it was read (its "without" not understood: asked)
      if (CLAUSE_RUNS_ON.matcher(withOrWithout.group("clause")).find()) continue;
      s.setAside(withOrWithout.start(), withOrWithout.end());
      s.consume(withOrWithout.start(), withOrWithout.end());
    }
    Matcher grant = CLAUSE_GRANT.matcher(s.lower);
    while (grant.find()) {
      if (!RESTRICTS_GROUP.matcher(s.lower).region(grant.start(), grant.start("grant")).find()) {
        s.hedge(grant.start("grant"), grant.end("grant"), "permitted", null);
      }
    }
    // "Prior allogeneic or autologous HSCT": both kinds named together are every transplant, nothing to ask (asked
    // which kind, a patient after either was only ever asked, never excluded). The words are explained, not used up:
    // in "auto/allo HSCT" the second kind begins the transplant's own name ("allo-HSCT")
    Matcher bothKinds = BOTH_TRANSPLANT_KINDS.matcher(s.lower);
    List<int[]> both = new ArrayList<>();
    while (bothKinds.find()) {
      both.add(new int[] {bothKinds.start(), bothKinds.end()});
      s.explain(bothKinds.start(), bothKinds.end());
    }
    Matcher m = ANY.matcher(s.lower);
    while (m.find()) {
      int family = 0;
      while (m.group("f" + family) == null) family++;
      int at = m.start();
      if (FAMILIES.get(family).name().equals("transplant-kind") && both.stream().anyMatch(b -> b[0] <= at && at < b[1])) {
        continue;
      }
      s.hedge(m.start(), m.end(), FAMILIES.get(family).name(), null);
    }
  }
}
