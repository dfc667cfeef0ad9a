package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.Unparsed;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.criteria.lexicon.ConceptMention;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.criteria.text.CriteriaTextSplitter;
import org.eligo.criteria.text.CriterionItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser on every development text and on random and broken input: never throws, never drops or invents. */
class ParserRobustnessTest {
  static final CriteriaCompiler COMPILER = CriteriaCompiler.standard();
  static final TerminologyLexicon LEXICON = TerminologyLexicon.bundled();
  static final Pattern HEDGE = Pattern.compile("(?i)refractory|no response|not respond|intoleran|uncontroll"
      + "|severe|investigator|unless|cannot|not adequately|secondary to|suspected");

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.eligo.criteria.parse.TestTexts#trialIds")
  void everyItemAppearsOnceAndNothingFails(String nctId) {
    String text = TestTexts.criteria(nctId);
    CriteriaSet set = COMPILER.parse(nctId, text);
    List<CriterionItem> items = new CriteriaTextSplitter().split(text).flattened();
    List<String> texts = set.criteria().stream().map(Criterion::text).toList();
    for (CriterionItem item : items) {
      assertThat(texts).as("item %s", item.id()).anyMatch(t -> t.contains(item.text()));
    }
    assertThat(set.criteria()).extracting(Criterion::id).doesNotHaveDuplicates();
    assertThat(set.criteria()).allSatisfy(c -> {
      assertThat(text).contains(c.text());
      assertThat(reasons(c.rule())).noneMatch(r -> r.startsWith("parser error"));
    });
  }

  /** Every disease, drug, procedure, vaccine and measure in a parsed rule is named in its own sentence. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.eligo.criteria.parse.TestTexts#trialIds")
  void nothingIsInventedEveryConceptIsNamedInItsSentence(String nctId) {
    for (Criterion c : COMPILER.parse(nctId, TestTexts.criteria(nctId)).criteria()) {
      String sentence = MatchText.of(c.text());
      Set<String> named = new HashSet<>();
      for (ConceptMention m : LEXICON.findMentions(sentence)) named.add(m.id());
      if (sentence.toLowerCase().contains("severe or very severe")) named.add("severe-aplastic-anemia");
      if (sentence.toLowerCase().contains("performance status")) named.add("ecog");
      for (String id : ids(c.rule())) {
        assertThat(named).as("%s %s: \"%s\" names %s", nctId, c.id(), c.text(), id).contains(id);
      }
    }
  }

  /**
   * An exclusion that hinges on judgement ("uncontrolled", "refractory", "cannot replace") can never exclude by itself.
   * A negated one ("NOT refractory PRCA") may: it excludes whoever lacks the condition at all.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.eligo.criteria.parse.TestTexts#trialIds")
  void judgementClausesNeverExclude(String nctId) {
    for (Criterion c : COMPILER.parse(nctId, TestTexts.criteria(nctId)).criteria()) {
      if (c.type() != CriterionType.EXCLUSION || !HEDGE.matcher(c.text()).find()) continue;
      if (c.text().toLowerCase().contains("severe or very severe") || c.rule() instanceof Not) continue;
      if (c.rule() instanceof AnyOf any && any.rules().stream().anyMatch(ParserRobustnessTest::asks)) {
        // alternatives each with a qualifier of its own ("Congestive heart failure, severe arrhythmia"): the one the
        // judgement qualifies never excludes alone; one may only if every name in it is written before the first
        // judgement qualifier, which cannot then reach it
        String sentence = MatchText.of(c.text());
        java.util.regex.Matcher hedge = HEDGE.matcher(sentence);
        int qualifier = hedge.find() ? hedge.start() : sentence.length();
        for (Rule alternative : any.rules()) {
          if (asks(alternative) || !possible(alternative).contains(Truth.MET)) {
            assertThat(possible(alternative)).as("%s %s: %s", nctId, c.id(), alternative).doesNotContain(Truth.MET);
            continue;
          }
          for (String id : ids(alternative)) {
            assertThat(LEXICON.findMentions(sentence)).as("%s %s: %s excludes alone, but is it named before the "
                + "judgement in \"%s\"?", nctId, c.id(), id, c.text())
                .anyMatch(m -> m.id().equals(id) && m.end() <= qualifier);
          }
        }
        continue;
      }
      assertThat(possible(c.rule())).as("%s %s: %s", nctId, c.id(), c.rule()).doesNotContain(Truth.MET);
    }
  }

  @Test
  void emptyAndBlankInputGiveNoCriteria() {
    assertThat(COMPILER.parse("NCT0", null).criteria()).isEmpty();
    assertThat(COMPILER.parse("NCT0", "").criteria()).isEmpty();
    assertThat(COMPILER.parse("NCT0", " \n\t ").criteria()).isEmpty();
    CriterionParser parser = new CriterionParser(new ParseContext(LEXICON, ParserSettings.DEFAULT, List.of()));
    assertThat(parser.parse("", CriterionType.INCLUSION)).isInstanceOf(Unparsed.class);
    assertThat(parser.parse("   ", CriterionType.EXCLUSION)).isInstanceOf(Unparsed.class);
  }

  @Test
  void garbageIsUnparsed() {
    CriterionParser parser = new CriterionParser(new ParseContext(LEXICON, ParserSettings.DEFAULT, List.of()));
    for (String junk : List.of("%%%%", "≥≥≥ <<< \\< ×10⁹", "1. 2. 3.", "))((", "lorem ipsum dolor sit amet",
        "①②③", "\u0000\u0001", "x".repeat(5000))) {
      assertThat(parser.parse(junk, CriterionType.INCLUSION)).as(junk).isInstanceOf(Unparsed.class);
    }
  }

  @Test
  void randomInputNeverThrows() {
    Random random = new Random(20261123L);
    String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:()[]/\\<>=≥≤×*^%-•①\n\t"
        + "µμ⁹³";
    for (int n = 0; n < 300; n++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(400);
      for (int i = 0; i < length; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String text = b.toString();
      assertThatCode(() -> checkNoParserErrors(COMPILER.parse("NCT0", text))).as(text).doesNotThrowAnyException();
    }
  }

  @Test
  void realTextsCutAndSplicedAtRandomNeverBreakTheParser() {
    Random random = new Random(7L);
    List<String> texts = TestTexts.trialIds().stream().map(TestTexts::criteria).toList();
    for (int n = 0; n < 300; n++) {
      String a = texts.get(random.nextInt(texts.size()));
      String b = texts.get(random.nextInt(texts.size()));
      int i = random.nextInt(a.length());
      int j = random.nextInt(b.length());
      String spliced = a.substring(0, i) + b.substring(j);
      CriteriaSet set = COMPILER.parse("NCT0", spliced);
      checkNoParserErrors(set);
      assertThat(set.criteria()).allSatisfy(c -> assertThat(spliced).contains(c.text()));
    }
  }

  private static void checkNoParserErrors(CriteriaSet set) {
    for (Criterion c : set.criteria()) {
      assertThat(reasons(c.rule())).as(c.text()).noneMatch(r -> r.startsWith("parser error"));
    }
  }

  static List<String> reasons(Rule rule) {
    List<String> out = new ArrayList<>();
    walk(rule, r -> {
      if (r instanceof Unparsed u) out.add(u.reason());
    });
    return out;
  }

  static Set<String> ids(Rule rule) {
    Set<String> out = new HashSet<>();
    walk(rule, r -> {
      switch (r) {
        case ConditionRule c -> out.addAll(c.concepts());
        case MedicationRule m -> out.addAll(m.concepts());
        case ProcedureRule p -> out.addAll(p.concepts());
        case ImmunizationRule i -> out.addAll(i.concepts());
        case AllergyRule a -> out.addAll(a.concepts());
        case MeasurementRule m -> out.add(m.measure());
        default -> { }
      }
    });
    return out;
  }

  private static void walk(Rule rule, java.util.function.Consumer<Rule> visit) {
    visit.accept(rule);
    switch (rule) {
      case AllOf a -> a.rules().forEach(r -> walk(r, visit));
      case AnyOf a -> a.rules().forEach(r -> walk(r, visit));
      case AtLeast a -> a.rules().forEach(r -> walk(r, visit));
      case Not n -> walk(n.rule(), visit);
      default -> { }
    }
  }

  /** Whether the rule holds a question anywhere in it. */
  static boolean asks(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.Ask a -> true;
      case AllOf a -> a.rules().stream().anyMatch(ParserRobustnessTest::asks);
      case AnyOf a -> a.rules().stream().anyMatch(ParserRobustnessTest::asks);
      default -> false;
    };
  }

  /** The truth values a rule can take over all patients, reading questions and unparsed parts as always UNKNOWN. */
  static Set<Truth> possible(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.Ask a -> EnumSet.of(Truth.UNKNOWN);
      case Unparsed u -> EnumSet.of(Truth.UNKNOWN);
      case org.eligo.core.rule.ScreeningConfirmation s -> EnumSet.of(Truth.UNKNOWN);
      case Not n -> {
        Set<Truth> inner = possible(n.rule());
        Set<Truth> out = EnumSet.noneOf(Truth.class);
        for (Truth t : inner) out.add(t == Truth.MET ? Truth.NOT_MET : t == Truth.NOT_MET ? Truth.MET : t);
        yield out;
      }
      case AllOf a -> combine(a.rules(), a.rules().size());
      case AnyOf a -> combine(a.rules(), 1);
      case AtLeast a -> combine(a.rules(), a.count());
      case AgeRule r -> EnumSet.allOf(Truth.class);
      default -> EnumSet.allOf(Truth.class);
    };
  }

  /** Possible values of "at least k of parts": MET needs k parts that can be MET, NOT_MET enough that can fail. */
  private static Set<Truth> combine(List<Rule> parts, int k) {
    int canMeet = 0;
    int canFail = 0;
    for (Rule r : parts) {
      Set<Truth> p = possible(r);
      if (p.contains(Truth.MET)) canMeet++;
      if (p.contains(Truth.NOT_MET)) canFail++;
    }
    Set<Truth> out = EnumSet.of(Truth.UNKNOWN);
    if (canMeet >= k) out.add(Truth.MET);
    if (canFail > parts.size() - k) out.add(Truth.NOT_MET);
    return out;
  }
}
