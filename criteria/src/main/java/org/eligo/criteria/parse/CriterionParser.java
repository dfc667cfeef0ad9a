package org.eligo.criteria.parse;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.Unparsed;
import org.eligo.criteria.text.CriterionItem;

/**
 * Turns one registry criterion into a typed rule by running {@link ParserPasses} over it. The rule states the
 * sentence as written (the evaluator applies inclusion/exclusion polarity); whatever is not understood with confidence
 * is {@link Unparsed}, which evaluates UNKNOWN and never excludes. Never throws on any text; thread-safe.
 */
public final class CriterionParser {
  private static final int MAX_DEPTH = 3;
  private static final Pattern LIST_PARENT = Pattern.compile(
      "(?i)\\b(?:at least|a minimum of|minimum of|no fewer than|any|one or more|either|any one|all|each)\\s+"
          + "(?:\\S+\\s*(?:\\(\\d\\)\\s*)?)?(?:of|from)\\s+(?:the\\s+)?following\\b");

  private final ParseContext context;
  private final List<Recogniser> passes;

  public CriterionParser(ParseContext context) {
    this(context, ParserPasses.standard());
  }

  public CriterionParser(ParseContext context, List<Recogniser> passes) {
    this.context = Objects.requireNonNull(context, "context");
    this.passes = List.copyOf(passes);
  }

  /**
   * True when an item's sub-items are parts of its own rule: "at least two of the following:", "as one of:", "at least
   * 5 of the 8 HLH-2004 criteria:", or sub-items that end in "or" (each an alternative to the next).
   */
  public static boolean combinesChildren(CriterionItem item) {
    return !item.children().isEmpty() && (LIST_PARENT.matcher(item.text()).find()
        || ListOfFollowingRecogniser.listHeading(item.text()) || (ListOfFollowingRecogniser.alternatives(item.children())
        && !ListOfFollowingRecogniser.conditionalHeading(item.text())));
  }

  /** The rule for an item; when {@link #combinesChildren} its sub-items are read into the rule. */
  public Rule parse(CriterionItem item, String criteriaText) {
    List<CriterionItem> children = combinesChildren(item) ? item.children() : List.of();
    return run(item.text(), item.type(), children, criteriaText, 0);
  }

  /** The rule for one sentence of the given type. */
  public Rule parse(String sentence, CriterionType type) {
    return run(sentence, type, List.of(), sentence, 0);
  }

  Rule parseNested(CriterionItem child, String criteriaText, int depth) {
    return run(child.text(), child.type(), child.children(), criteriaText, depth);
  }

  Rule parseNested(String text, CriterionType type, int depth) {
    return run(text, type, List.of(), text, depth);
  }

  private Rule run(String registryText, CriterionType type, List<CriterionItem> children, String criteriaText,
                   int depth) {
    if (registryText == null || registryText.isBlank()) return new Unparsed("empty criterion");
    if (depth > MAX_DEPTH) return new Unparsed("nested too deeply");
    try {
      Sentence s = new Sentence(MatchText.of(registryText), type == null ? CriterionType.INCLUSION : type, children,
          criteriaText, context, depth, this);
      if (s.text.isEmpty()) return new Unparsed("empty criterion");
      for (Recogniser pass : passes) {
        pass.read(s);
        if (s.settled != null) break;
      }
      return s.settled != null ? s.settled : new Unparsed("no rule recognised");
    } catch (RuntimeException e) {
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      for (StackTraceElement frame : e.getStackTrace()) {
        if (frame.getClassName().startsWith("org.eligo")) {
          at = frame;
          break;
        }
      }
      return new Unparsed("parser error: " + e.getClass().getSimpleName() + ": " + e.getMessage()
          + (at == null ? "" : " at " + at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1) + ":"
          + at.getLineNumber()));
    }
  }
}
