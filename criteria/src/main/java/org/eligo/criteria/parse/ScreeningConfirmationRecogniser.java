package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Finds what only the screening visit can confirm: informed consent (also by a legally authorised representative),
 * willingness (to use contraception, to comply, to take part in follow-up), understanding, the investigator's
 * judgement, and taking part in other studies. A sentence that is only that becomes a {@link ScreeningConfirmation};
 * in a sentence that also names clinical facts the clause is set aside (confirmed at screening, so it cannot exclude
 * or admit anyone here) and the rest is read.
 */
final class ScreeningConfirmationRecogniser implements Recogniser {
  private static final Pattern MEASURE_WORDS = Pattern.compile("\\d[^/×]*(?:/l|/ul|/mm|g/dl|mg/dl|×|uln|upper limit)");
  private static final Pattern TRIGGER = Pattern.compile(
      "(?<![a-z])(?:informed consent|consent form|\\bsign(?:ed|s)? (?:the |a )?(?:written )?(?:informed )?consent|written consent"
          + "|(?:give|provide|given|obtain)\\w* (?:written )?(?:informed )?consent|legally (?:authori[sz]ed|acceptable) "
          + "representative|\\bsurrogate\\b|\\b(?:un)?willing(?:ness)?\\b|\\bagree(?:s|d)? (?:to|not)\\b|\\bcomply\\b"
          + "|\\bcompliance\\b|adhere to|contracept\\w*|birth control|abstinence|refrain from pregnancy"
          + "|pregnancy precautions|investigator|in the (?:view|opinion|judg(?:e)?ment) of|considered unsuitable"
          + "|at the discretion|(?:in)?ability to understand|unable to understand|\\bfollow(?:ed)?[ -]up\\b"
          + "|\\bfollowed (?:in|at|by)\\b|routine blood tests?|blood routine test"
          + "|(?:participat\\w*|enrol+(?:ed|ment)?|taking part|take part) in (?:an? |any |other |another |concurrent )*"
          + "(?:\\w+ ){0,2}(?:clinical |interventional |investigational )?(?:trials?|stud(?:y|ies)|research)"
          + "|(?:completed|withdrawn|withdrew|enrolled in|participated in) (?:or \\w+ )?(?:from |in )?the [\\w-]+ "
          + "(?:study|trial))"
          // "Other protocol-defined inclusion/exclusion criteria may apply": the trial team checks what is not listed
          + "|\\b(?:other|additional|further) (?:protocol[- ](?:defined|specified) )?(?:(?:inclusion|exclusion"
          + "|eligibility|entry|study)(?: ?(?:/|and|or) ?(?:inclusion|exclusion))? )?criteria\\b"
          + "|\\bprotocol[- ](?:defined|specified) (?:inclusion|exclusion|eligibility)\\b");

  /** Word stems every trigger contains: sentences without any skip the big pattern. */
  private static final Keywords HINT = Keywords.of("consent", "willing", "agree", "comply", "complian", "adhere",
      "contracep", "birth control", "abstinence", "refrain", "precaution", "investigator", "view of", "opinion of",
      "judg", "unsuitable", "discretion", "understand", "follow-up", "follow up", "followed", "routine", "participat",
      "enrolled in", "enrollment in", "enrolment in", "part in", "completed", "withdrawn", "withdrew",
      "representative", "surrogate", "criteria");
  /**
   * "Age 12 to 17 years, inclusive, at the time of signing the informed consent", "Aged ≥ 18 years at informed
   * consent", "≥ 18 years of age on the day of signing informed consent", "Age at informed consent ≥ 18 years": an age
   * limit stays a limit.
   */
  private static final Pattern AGE_WORDS = Pattern.compile("^\\W*(?:(?:male or female|men and women|patients?|"
      + "subjects?|participants?|adults?)[, ]+)*(?:(?:age[ds]?\\b[^.;]{0,20}?\\d|(?:≥|>|≤|<)?\\s*\\d+\\s*(?:to|-)?\\s*\\d*\\s*"
      + "(?:years?|yrs?)\\b)[^;]*\\b(?:at|on|upon|when)\\b|age[ds]?\\s+(?:at|on|upon|when)\\b[^.;]{0,40}?\\d)");
  private static final Pattern WHEN_CONSENTED = Pattern.compile("\\b(?:at the time of|time of|when|upon|on|prior to"
      + "|before)\\s+(?:signing|giving|providing|obtaining|signature of)?\\s*(?:the |a )?(?:written )?(?:informed )?"
      + "consent\\b|\\bat the time of (?:signing|giving|providing|obtaining)\\b");
  /** What may follow the consent's name: "form", "document", "(ICF)". */
  private static final Pattern CONSENT_TAIL = Pattern.compile("(?:\\s+(?:form|document)s?)?(?:\\s*\\(\\s*icf\\s*\\))?");
  private static final Pattern CLAUSE_BREAK = Pattern.compile(",\\s|;\\s?|\\sor\\s|\\.\\s");

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower)) return;
    Matcher m = TRIGGER.matcher(s.lower);
    int first = -1;
    boolean dated = false;
    List<Integer> judged = new ArrayList<>();
    List<int[]> qualified = new ArrayList<>();
    while (m.find()) {
      if (first < 0) first = m.start();
      int start = clauseStart(s.lower, m.start());
      int end = clauseEnd(s.lower, m.end());
      Matcher when = WHEN_CONSENTED.matcher(s.lower).region(start, m.end());
      if (when.find()) {
        // "≥ 18 years of age at the time of signing the consent form, with a confirmed diagnosis of TTP", "a history of
        // malignancy within 5 years prior to informed consent": the consent only dates what the clause names, which is
        // read as written; only the words about the consent are set aside
        start = when.start();
        dated = true;
        Matcher form = CONSENT_TAIL.matcher(s.lower).region(Math.max(m.end(), when.end()), s.lower.length());
        end = form.lookingAt() ? form.end() : Math.max(m.end(), when.end());
      }
      int named = lastNameBefore(s, start, m.start());
      if (named >= 0) {
        // "Heart failure, myocardial infarction, or stroke deemed clinically significant by the investigator",
        // "Psychiatric illness, epilepsy, or dementia that would limit compliance": what follows the names qualifies
        // them. Set aside with the clause, the last name was dropped and the others stood plain, so any heart
        // failure or epilepsy excluded; the names are read and the qualifier is asked
        start = named;
        judged.add(named);
        qualified.add(new int[] {named, end});
      } else if (JUDGEMENT.matcher(m.group()).find() && qualifiesBefore(s.lower, start, m.start())
          || relativeBefore(s.lower, start, m.start())) {
        // "Hypertension or diabetes that, in the investigator's judgement, is not adequately controlled": a clause
        // with no subject of its own qualifies the names before it; so does a relative clause after an alternative
        // Eligo does not know ("Psychiatric illness, epilepsy, or dementia that would limit compliance")
        judged.add(start);
        qualified.add(new int[] {start, end});
      }
      s.setAside(start, end);
      if (first > start) first = start;
    }
    if (first < 0) return;
    boolean clinicalOutside = false;
    for (ConceptMention mention : s.mentions) {
      if (!s.coveredAll(mention.start(), mention.end())) {
        clinicalOutside = true;
        break;
      }
    }
    // "Active bleeding at the time of signing the informed consent": the consent only dates the clause, whose words
    // are not for the screening visit alone even when no concept is named
    if (!clinicalOutside && !hasMeasureWords(s) && !ageLimit(s) && !(dated && wordsOutside(s))) {
      s.settle(new ScreeningConfirmation(s.text));
    } else {
      s.notes.add("a clause only the screening visit can confirm was set aside");
      // in an exclusion the investigator's judgement narrows what it qualifies: asked, so no name excludes alone
      if (s.type == CriterionType.EXCLUSION) for (int at : judged) s.hedge(at, at, "judgement", null);
      // in an inclusion a qualifier of the names that is more than a confirmation or a willingness is asked too:
      // "Diabetes mellitus that is well controlled and will not interfere with follow-up" had admitted any diabetes
      if (s.type == CriterionType.INCLUSION) {
        for (int[] q : qualified) if (qualifies(s.lower, q[0], q[1])) s.hedge(q[0], q[0], "judgement", null);
      }
    }
  }

  /** Words of a confirmation or a willingness only: "confirmed by the investigator", "who are willing to comply". */
  private static final java.util.Set<String> CONFIRMATION_ONLY = java.util.Set.of("who", "that", "which", "is", "are",
      "was", "were", "has", "have", "had", "been", "be", "and", "or", "the", "a", "an", "to", "with", "by", "of", "in",
      "as", "per", "confirmed", "diagnosed", "documented", "verified", "investigator", "investigators", "site",
      "willing", "able", "agree", "agrees", "comply", "protocol", "study", "procedures", "requirements", "visits",
      "scheduled", "follow-up", "follow", "up", "consent", "informed", "written", "sign", "signed", "give", "provide");
  private static final Pattern WORD = Pattern.compile("[a-z][a-z'-]*");

  /** Whether {@code [from, to)} says more of the names before it than a confirmation or a willingness. */
  private static boolean qualifies(String lower, int from, int to) {
    Matcher w = WORD.matcher(lower).region(from, Math.min(to, lower.length()));
    while (w.find()) {
      String word = w.group().endsWith("'s") ? w.group().substring(0, w.group().length() - 2) : w.group();
      if (!CONFIRMATION_ONLY.contains(word)) return true;
    }
    return false;
  }

  private static final Pattern CONTENT_WORD = Pattern.compile("[a-z][a-z-]{2,}");
  private static final java.util.Set<String> NO_CONTENT = java.util.Set.of("patients", "patient", "subjects",
      "subject", "participants", "participant", "the", "and", "who", "must", "have", "has", "been", "are", "was",
      "were", "with", "all", "any", "for");

  /** Whether words that are not filler stand outside what was set aside. */
  private static boolean wordsOutside(Sentence s) {
    Matcher w = CONTENT_WORD.matcher(s.lower);
    while (w.find()) {
      if (!s.asideAny(w.start(), w.end()) && !NO_CONTENT.contains(w.group())) return true;
    }
    return false;
  }

  /** A judgement trigger: the investigator's view, not the patient's willingness or consent. */
  private static final Pattern JUDGEMENT = Pattern.compile("investigator|opinion|view|judg|discretion|unsuitable");

  /** Words that give a clause a subject of its own: "or any condition that, in the opinion of the investigator, …". */
  private static final Pattern OWN_SUBJECT = Pattern.compile("\\b(?:any|other|another|conditions?|diseases?"
      + "|illness(?:es)?|disorders?|patients?|subjects?|participants?|persons?|individuals?|those|anyone|anything"
      + "|wom[ae]n|m[ae]n|females?|males?|partners?|people|adults?|children"
      + "|circumstances?|situations?|factors?|findings?|abnormalit\\w*|reasons?|history|evidence|presence)\\b");

  /** Whether the clause {@code [start, trigger)} follows a comma and has no subject, so it qualifies what is before. */
  private static boolean qualifiesBefore(String lower, int start, int trigger) {
    return start >= 2 && lower.startsWith(", ", start - 2) && !OWN_SUBJECT.matcher(lower).region(start, trigger).find();
  }

  private static final Pattern RELATIVE = Pattern.compile("\\b(?:that|which|who)\\b");

  /** Whether the clause {@code [start, trigger)} after other words is a relative clause with no subject of its own. */
  private static boolean relativeBefore(String lower, int start, int trigger) {
    return start > 0 && RELATIVE.matcher(lower).region(start, trigger).find()
        && !OWN_SUBJECT.matcher(lower).region(start, trigger).find();
  }

  /** The end of the last concept named in {@code [from, to)} and not set aside, or -1 when none is. */
  private static int lastNameBefore(Sentence s, int from, int to) {
    int end = -1;
    for (ConceptMention mention : s.mentions) {
      if (mention.start() >= from && mention.end() <= to && !s.asideAny(mention.start(), mention.end())) {
        end = Math.max(end, mention.end());
      }
    }
    return end;
  }

  private static boolean ageLimit(Sentence s) {
    return AGE_WORDS.matcher(s.lower).find();
  }

  private static boolean hasMeasureWords(Sentence s) {
    return MEASURE_WORDS.matcher(s.lower).find();
  }

  /** Start of the clause holding {@code at}: after the last comma, semicolon or "or" before it. */
  private static int clauseStart(String text, int at) {
    int start = 0;
    Matcher b = CLAUSE_BREAK.matcher(text).region(0, at);
    while (b.find()) start = b.end();
    return start;
  }

  /** End of the clause: the sentence end, a semicolon or a full stop. */
  private static int clauseEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ';') return i;
      if (c == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ') && i > 0
          && !Character.isDigit(text.charAt(i - 1))) {
        return i;
      }
    }
    return text.length();
  }
}
