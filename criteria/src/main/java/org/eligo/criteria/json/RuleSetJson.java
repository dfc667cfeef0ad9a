package org.eligo.criteria.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.ViralLoad;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.SexRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.core.rule.QualitativeResultRule;
import org.eligo.core.trial.RegistryAge;
import org.eligo.criteria.lexicon.ConceptLexicon;
import org.eligo.criteria.lexicon.MeasureInfo;

/**
 * Reads and writes a trial's rule set as human-editable JSON: each rule an object with a {@code "kind"} ({@code age},
 * {@code sex}, {@code measurement}, {@code condition}, {@code medication}, {@code procedure}, {@code allergy},
 * {@code immunization}, {@code pregnancy}, {@code allOf}, {@code anyOf}, {@code atLeast}, {@code not}, {@code ask},
 * {@code screening}, {@code unparsed}); comparators as symbols ({@code "≥"}, also {@code ">="} or {@code "GE"});
 * windows as {@code "ever"}, {@code "active"}, {@code "present"}, {@code {"withinDays": 30}} or, for a one-off event
 * counted by its onset, {@code {"beganWithinDays": 180}}; medication timings as {@code "ever"},
 * {@code "current"}, {@code {"withinDays": n}}, {@code {"atLeastDaysBefore": n, "fromEnd": false}},
 * {@code {"continuousFor": n, "maxGapDays": g}} or {@code {"forAtLeastDays": n}}. Optional fields take the rule's
 * defaults when left out.
 *
 * <p>Reading never throws on bad data: every problem comes back with its JSON path ({@code
 * $.criteria[3].rule.rules[1].comparator}) and reason. With a {@link ConceptLexicon}, concept ids and measure keys are
 * checked against the terminology and a measurement's unit against the measure's canonical unit.
 */
public final class RuleSetJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ConceptLexicon lexicon;

  private RuleSetJson(ConceptLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** A codec that checks structure only. */
  public static RuleSetJson structural() {
    return new RuleSetJson(null);
  }

  /** A codec that also checks concept ids, measure keys and units against the terminology. */
  public static RuleSetJson checkedAgainst(ConceptLexicon lexicon) {
    return new RuleSetJson(java.util.Objects.requireNonNull(lexicon, "lexicon"));
  }

  // ---------------------------------------------------------------- writing

  /** The rule set as pretty-printed JSON, with a note per criterion id where given. */
  public String write(CriteriaSet set, Map<String, String> notes) {
    ObjectNode root = NODES.objectNode();
    root.put("trialId", set.trialId());
    ArrayNode criteria = root.putArray("criteria");
    for (Criterion c : set.criteria()) {
      ObjectNode n = criteria.addObject();
      n.put("id", c.id());
      n.put("type", c.type().name().toLowerCase(Locale.ROOT));
      n.put("text", c.text());
      n.put("origin", c.origin().name().toLowerCase(Locale.ROOT));
      String note = notes == null ? null : notes.get(c.id());
      if (note != null) n.put("note", note);
      n.set("rule", toJson(c.rule()));
    }
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write rule set JSON", e);
    }
  }

  public String write(CriteriaSet set) {
    return write(set, Map.of());
  }

  /** One rule as compact JSON (golden files, logs of rule shapes). */
  public static String compact(Rule rule) {
    return toJson(rule).toString();
  }

  /** One rule as a JSON tree. */
  public static ObjectNode toJson(Rule rule) {
    ObjectNode n = NODES.objectNode();
    switch (rule) {
      case AgeRule r -> {
        n.put("kind", "age");
        if (r.min() != null) {
          n.put("min", r.min().amount() + " " + r.min().unit().name().toLowerCase(Locale.ROOT));
          n.put("minInclusive", r.minInclusive());
        }
        if (r.max() != null) {
          n.put("max", r.max().amount() + " " + r.max().unit().name().toLowerCase(Locale.ROOT));
          n.put("maxInclusive", r.maxInclusive());
        }
      }
      case SexRule r -> {
        n.put("kind", "sex");
        ArrayNode a = n.putArray("allowed");
        r.allowed().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().forEach(a::add);
      }
      case MeasurementRule r -> {
        n.put("kind", "measurement");
        n.put("measure", r.measure());
        n.put("label", r.label());
        n.put("comparator", r.comparator().symbol());
        n.put("threshold", r.threshold());
        if (r.relativeToUln()) n.put("relativeToUln", true);
        if (r.relativeToLln()) n.put("relativeToLln", true);
        n.put("unit", r.unit());
        if (r.recencyDays() != MeasurementRule.DEFAULT_RECENCY_DAYS) n.put("recencyDays", r.recencyDays());
        if (r.transfusionFreeDays() != null) n.put("transfusionFreeDays", r.transfusionFreeDays());
      }
      case ConditionRule r -> {
        n.put("kind", "condition");
        concepts(n, "concepts", r.concepts());
        if (!r.except().isEmpty()) concepts(n, "except", r.except());
        n.set("window", window(r.window()));
        n.put("label", r.label());
      }
      case MedicationRule r -> {
        n.put("kind", "medication");
        concepts(n, "concepts", r.concepts());
        n.set("timing", timing(r.timing()));
        n.put("label", r.label());
      }
      case ProcedureRule r -> {
        n.put("kind", "procedure");
        concepts(n, "concepts", r.concepts());
        n.set("window", window(r.window()));
        n.put("label", r.label());
        if (r.counted()) { // DECISIONS 92: "≥ 4 units of RBC in the 8 weeks"
          n.put("atLeast", r.atLeast());
          n.put("units", r.units());
        }
        if (!r.except().isEmpty()) concepts(n, "except", r.except()); // a transfusion of no stated kind (§92)
      }
      case AllergyRule r -> {
        n.put("kind", "allergy");
        concepts(n, "concepts", r.concepts());
        if (r.anaphylaxisOnly()) n.put("anaphylaxisOnly", true);
        n.put("label", r.label());
      }
      case ImmunizationRule r -> {
        n.put("kind", "immunization");
        concepts(n, "concepts", r.concepts());
        n.set("window", window(r.window()));
        n.put("label", r.label());
      }
      case PregnancyRule r -> {
        n.put("kind", "pregnancy");
        n.put("state", r.state() == PregnancyRule.State.PREGNANT ? "pregnant" : "lactating");
        if (r.recencyDays() != PregnancyRule.pregnant().recencyDays()) n.put("recencyDays", r.recencyDays());
      }
      case QualitativeResultRule r -> {
        n.put("kind", "qualitativeResult");
        n.put("label", r.label());
        com.fasterxml.jackson.databind.node.ArrayNode shown = n.putArray("shownBy");
        r.shownBy().stream().sorted().forEach(shown::add);
        com.fasterxml.jackson.databind.node.ArrayNode out = n.putArray("ruledOutBy");
        for (Set<String> set : r.ruledOutBy()) {
          com.fasterxml.jackson.databind.node.ArrayNode a = out.addArray();
          set.stream().sorted().forEach(a::add);
        }
        if (r.ever()) n.put("ever", true);
        else if (r.recencyDays() != MeasurementRule.DEFAULT_RECENCY_DAYS) n.put("recencyDays", r.recencyDays());
      }
      case ViralLoadRule r -> {
        n.put("kind", "viralLoad");
        n.put("test", r.test());
        n.put("infection", r.infection());
        n.put("label", r.label());
        if (r.detection()) {
          n.put("result", "detectable");
        } else {
          n.put("comparator", r.comparator().symbol());
          n.put("threshold", r.threshold());
          n.put("unit", r.unit());
        }
        if (r.recencyDays() != MeasurementRule.DEFAULT_RECENCY_DAYS) n.put("recencyDays", r.recencyDays());
      }
      case AllOf r -> rules(n, "allOf", r.rules());
      case AnyOf r -> rules(n, "anyOf", r.rules());
      case AtLeast r -> {
        n.put("kind", "atLeast");
        n.put("count", r.count());
        ArrayNode a = n.putArray("rules");
        r.rules().forEach(x -> a.add(toJson(x)));
      }
      case Not r -> {
        n.put("kind", "not");
        n.set("rule", toJson(r.rule()));
      }
      case Ask r -> {
        n.put("kind", "ask");
        n.put("question", r.question());
      }
      case ScreeningConfirmation r -> {
        n.put("kind", "screening");
        n.put("what", r.what());
      }
      case Unparsed r -> {
        n.put("kind", "unparsed");
        n.put("reason", r.reason());
      }
    }
    return n;
  }

  private static void concepts(ObjectNode n, String field, Set<String> ids) {
    ArrayNode a = n.putArray(field);
    ids.stream().sorted().forEach(a::add);
  }

  private static void rules(ObjectNode n, String kind, List<Rule> rules) {
    n.put("kind", kind);
    ArrayNode a = n.putArray("rules");
    rules.forEach(x -> a.add(toJson(x)));
  }

  private static JsonNode window(TimeWindow w) {
    return switch (w) {
      case TimeWindow.Ever e -> NODES.textNode("ever");
      case TimeWindow.Active a -> NODES.textNode("active");
      case TimeWindow.Present p -> NODES.textNode("present");
      case TimeWindow.WithinDays d -> NODES.objectNode().put(d.onset() ? "beganWithinDays" : "withinDays", d.days());
    };
  }

  private static JsonNode timing(MedicationTiming t) {
    return switch (t) {
      case MedicationTiming.Ever e -> NODES.textNode("ever");
      case MedicationTiming.Current c -> NODES.textNode("current");
      case MedicationTiming.WithinDays w -> NODES.objectNode().put("withinDays", w.days());
      case MedicationTiming.AtLeastDaysBefore b -> NODES.objectNode().put("atLeastDaysBefore", b.days())
          .put("fromEnd", b.fromEnd());
      case MedicationTiming.ContinuousFor c -> NODES.objectNode().put("continuousFor", c.days())
          .put("maxGapDays", c.maxGapDays());
      case MedicationTiming.ForAtLeastDays f -> NODES.objectNode().put("forAtLeastDays", f.days());
    };
  }

  // ---------------------------------------------------------------- reading

  /** Reads a rule file; problems (with JSON paths) instead of exceptions for anything wrong in it. */
  public RuleFileReading read(String json) {
    Problems problems = new Problems();
    JsonNode root;
    try {
      root = MAPPER.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      problems.add("$", "not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")");
      return new RuleFileReading(null, problems.list);
    }
    if (root == null || !root.isObject()) {
      problems.add("$", "expected an object with \"trialId\" and \"criteria\"");
      return new RuleFileReading(null, problems.list);
    }
    String trialId = text(root, "trialId", "$", problems, true);
    JsonNode list = root.get("criteria");
    List<Criterion> criteria = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    if (list == null || !list.isArray()) {
      problems.add("$.criteria", "missing or not an array");
    } else {
      Set<String> ids = new LinkedHashSet<>();
      for (int i = 0; i < list.size(); i++) {
        String path = "$.criteria[" + i + "]";
        JsonNode c = list.get(i);
        if (!c.isObject()) {
          problems.add(path, "expected an object");
          continue;
        }
        unknownFields(c, path, problems, "id", "type", "text", "origin", "note", "rule");
        String id = text(c, "id", path, problems, true);
        if (id != null && !ids.add(id)) problems.add(path + ".id", "duplicate criterion id '" + id + "'");
        CriterionType type = criterionType(c, path, problems);
        String text = text(c, "text", path, problems, true);
        RuleOrigin origin = RuleOrigin.CURATED;
        String originText = text(c, "origin", path, problems, false);
        if (originText != null) {
          try {
            origin = RuleOrigin.valueOf(originText.toUpperCase(Locale.ROOT).replace('-', '_'));
          } catch (IllegalArgumentException e) {
            problems.add(path + ".origin", "unknown origin '" + originText + "' (expected one of "
                + lower(EnumSet.allOf(RuleOrigin.class)) + ")");
          }
        }
        String note = text(c, "note", path, problems, false);
        Rule rule = null;
        JsonNode r = c.get("rule");
        if (r == null) problems.add(path + ".rule", "missing field");
        else rule = rule(r, path + ".rule", problems);
        if (id != null && note != null) notes.put(id, note);
        if (id != null && type != null && text != null && rule != null) {
          criteria.add(new Criterion(id, type, text, rule, origin));
        }
      }
    }
    if (!problems.list.isEmpty()) return new RuleFileReading(null, problems.list);
    return new RuleFileReading(new RuleFile(new CriteriaSet(trialId, criteria), notes), List.of());
  }

  /** Reads a rule file that must be valid (a bundled resource): throws {@link RuleFileException} listing problems. */
  public RuleFile readValid(String json, String source) {
    RuleFileReading reading = read(json);
    if (!reading.problems().isEmpty()) throw new RuleFileException(source, reading.problems());
    return reading.file();
  }

  /** Reads one rule object (for tests and tools); problems carry paths under {@code $}. */
  public RuleFileReading.Single readRule(String json) {
    Problems problems = new Problems();
    try {
      Rule rule = rule(MAPPER.readTree(json), "$", problems);
      return new RuleFileReading.Single(problems.list.isEmpty() ? rule : null, problems.list);
    } catch (JsonProcessingException e) {
      problems.add("$", "not valid JSON: " + e.getOriginalMessage());
      return new RuleFileReading.Single(null, problems.list);
    }
  }

  private static final class Problems {
    final List<RuleFileProblem> list = new ArrayList<>();

    void add(String path, String message) {
      list.add(new RuleFileProblem(path, message));
    }
  }

  private Rule rule(JsonNode n, String path, Problems p) {
    if (n == null || !n.isObject()) {
      p.add(path, "expected a rule object with a \"kind\"");
      return null;
    }
    String kind = text(n, "kind", path, p, true);
    if (kind == null) return null;
    int before = p.list.size();
    Rule rule = switch (kind) {
      case "age" -> age(n, path, p);
      case "sex" -> sex(n, path, p);
      case "measurement" -> measurement(n, path, p);
      case "viralLoad" -> viralLoad(n, path, p);
      case "qualitativeResult" -> qualitativeResult(n, path, p);
      case "condition" -> {
        unknownFields(n, path, p, "kind", "concepts", "except", "window", "label");
        Set<String> concepts = concepts(n, "concepts", path, p, true);
        Set<String> except = concepts(n, "except", path, p, false);
        TimeWindow window = window(n.get("window"), path + ".window", p);
        String label = label(n, path, p, concepts);
        yield ok(p, before) ? new ConditionRule(concepts, except, window, label) : null;
      }
      case "medication" -> {
        unknownFields(n, path, p, "kind", "concepts", "timing", "label");
        Set<String> concepts = concepts(n, "concepts", path, p, true);
        MedicationTiming timing = timing(n.get("timing"), path + ".timing", p);
        String label = label(n, path, p, concepts);
        yield ok(p, before) ? new MedicationRule(concepts, timing, label) : null;
      }
      case "procedure" -> {
        unknownFields(n, path, p, "kind", "concepts", "window", "label", "atLeast", "units", "except");
        Set<String> concepts = concepts(n, "concepts", path, p, true);
        TimeWindow window = window(n.get("window"), path + ".window", p);
        String label = label(n, path, p, concepts);
        int atLeast = integer(n, "atLeast", path, p, 1, 1);
        boolean units = bool(n, "units", path, p, false);
        Set<String> except = n.has("except") ? concepts(n, "except", path, p, false) : Set.of();
        yield ok(p, before) ? new ProcedureRule(concepts, window, label, atLeast, units, except) : null;
      }
      case "immunization" -> {
        unknownFields(n, path, p, "kind", "concepts", "window", "label");
        Set<String> concepts = concepts(n, "concepts", path, p, true);
        TimeWindow window = window(n.get("window"), path + ".window", p);
        String label = label(n, path, p, concepts);
        yield ok(p, before) ? new ImmunizationRule(concepts, window, label) : null;
      }
      case "allergy" -> {
        unknownFields(n, path, p, "kind", "concepts", "anaphylaxisOnly", "label");
        Set<String> concepts = concepts(n, "concepts", path, p, true);
        boolean anaphylaxis = bool(n, "anaphylaxisOnly", path, p, false);
        String label = label(n, path, p, concepts);
        yield ok(p, before) ? new AllergyRule(concepts, anaphylaxis, label) : null;
      }
      case "pregnancy" -> {
        unknownFields(n, path, p, "kind", "state", "recencyDays");
        String state = text(n, "state", path, p, true);
        int recency = integer(n, "recencyDays", path, p, 30, 1);
        PregnancyRule.State s = null;
        if ("pregnant".equals(state)) s = PregnancyRule.State.PREGNANT;
        else if ("lactating".equals(state)) s = PregnancyRule.State.LACTATING;
        else if (state != null) p.add(path + ".state", "unknown state '" + state + "' (expected pregnant or lactating)");
        yield ok(p, before) ? new PregnancyRule(s, recency) : null;
      }
      case "allOf", "anyOf" -> {
        unknownFields(n, path, p, "kind", "rules");
        List<Rule> rules = ruleList(n, path, p);
        yield ok(p, before) ? (kind.equals("allOf") ? new AllOf(rules) : new AnyOf(rules)) : null;
      }
      case "atLeast" -> {
        unknownFields(n, path, p, "kind", "count", "rules");
        int count = integer(n, "count", path, p, -1, 1);
        List<Rule> rules = ruleList(n, path, p);
        if (ok(p, before) && count > rules.size()) {
          p.add(path + ".count", "count " + count + " is more than the " + rules.size() + " rules");
        }
        yield ok(p, before) ? new AtLeast(count, rules) : null;
      }
      case "not" -> {
        unknownFields(n, path, p, "kind", "rule");
        JsonNode inner = n.get("rule");
        if (inner == null) p.add(path + ".rule", "missing field");
        Rule r = inner == null ? null : rule(inner, path + ".rule", p);
        yield ok(p, before) ? new Not(r) : null;
      }
      case "ask" -> {
        unknownFields(n, path, p, "kind", "question");
        String q = text(n, "question", path, p, true);
        yield ok(p, before) ? new Ask(q) : null;
      }
      case "screening" -> {
        unknownFields(n, path, p, "kind", "what");
        String what = text(n, "what", path, p, true);
        yield ok(p, before) ? new ScreeningConfirmation(what) : null;
      }
      case "unparsed" -> {
        unknownFields(n, path, p, "kind", "reason");
        yield new Unparsed(text(n, "reason", path, p, false));
      }
      default -> {
        p.add(path + ".kind", "unknown rule kind '" + kind + "' (expected one of age, sex, measurement, condition, "
            + "medication, procedure, allergy, immunization, pregnancy, allOf, anyOf, atLeast, not, ask, screening, "
            + "unparsed)");
        yield null;
      }
    };
    return ok(p, before) ? rule : null;
  }

  private static boolean ok(Problems p, int before) {
    return p.list.size() == before;
  }

  private Rule age(JsonNode n, String path, Problems p) {
    unknownFields(n, path, p, "kind", "min", "minInclusive", "max", "maxInclusive");
    int before = p.list.size();
    RegistryAge min = registryAge(n, "min", path, p);
    RegistryAge max = registryAge(n, "max", path, p);
    boolean minInclusive = min != null && bool(n, "minInclusive", path, p, true); // an open bound has no edge
    boolean maxInclusive = max != null && bool(n, "maxInclusive", path, p, true);
    if (ok(p, before) && min == null && max == null) p.add(path, "an age rule needs \"min\" or \"max\"");
    return ok(p, before) ? new AgeRule(min, minInclusive, max, maxInclusive) : null;
  }

  private static RegistryAge registryAge(JsonNode n, String field, String path, Problems p) {
    String s = text(n, field, path, p, false);
    if (s == null) return null;
    try {
      RegistryAge age = RegistryAge.parse(s);
      if (age == null) p.add(path + "." + field, "no age in '" + s + "' (leave the field out for no limit)");
      return age;
    } catch (IllegalArgumentException e) {
      p.add(path + "." + field, "not an age such as \"18 years\": '" + s + "'");
      return null;
    }
  }

  private Rule sex(JsonNode n, String path, Problems p) {
    unknownFields(n, path, p, "kind", "allowed");
    JsonNode a = n.get("allowed");
    if (a == null || !a.isArray() || a.isEmpty()) {
      p.add(path + ".allowed", "expected a non-empty array of female, male, other");
      return null;
    }
    Set<Sex> allowed = EnumSet.noneOf(Sex.class);
    for (int i = 0; i < a.size(); i++) {
      try {
        allowed.add(Sex.valueOf(a.get(i).asText().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        p.add(path + ".allowed[" + i + "]", "unknown sex '" + a.get(i).asText() + "' (expected female, male, other)");
      }
    }
    return allowed.isEmpty() ? null : new SexRule(allowed);
  }

  private Rule measurement(JsonNode n, String path, Problems p) {
    unknownFields(n, path, p, "kind", "measure", "label", "comparator", "threshold", "relativeToUln", "relativeToLln", "unit",
        "recencyDays", "transfusionFreeDays");
    int before = p.list.size();
    String measure = text(n, "measure", path, p, true);
    String label = text(n, "label", path, p, false);
    Comparator comparator = comparator(n, path, p);
    JsonNode t = n.get("threshold");
    double threshold = 0;
    if (t == null) p.add(path + ".threshold", "missing field");
    else if (!t.isNumber() || !Double.isFinite(t.asDouble())) p.add(path + ".threshold", "expected a number");
    else threshold = t.asDouble();
    boolean uln = bool(n, "relativeToUln", path, p, false);
    boolean lln = bool(n, "relativeToLln", path, p, false);
    if (uln && lln) p.add(path, "relative to one limit of normal only");
    String unit = text(n, "unit", path, p, false);
    int recency = integer(n, "recencyDays", path, p, MeasurementRule.DEFAULT_RECENCY_DAYS, 1);
    Integer transfusionFree = n.has("transfusionFreeDays") ? integer(n, "transfusionFreeDays", path, p, 0, 0) : null;
    if (lexicon != null && measure != null) {
      MeasureInfo info = lexicon.measure(measure).orElse(null);
      if (info == null) {
        p.add(path + ".measure", "unknown measure key '" + measure + "'");
      } else {
        if (unit == null) unit = info.canonicalUnit();
        else if (!unit.equals(info.canonicalUnit())) {
          p.add(path + ".unit", "unit '" + unit + "' is not the canonical unit of " + measure + " ('"
              + info.canonicalUnit() + "'); write the threshold in the canonical unit");
        }
        if (label == null) label = info.label();
      }
    }
    if (!ok(p, before)) return null;
    return new MeasurementRule(measure, label, comparator, threshold, uln, unit, recency, transfusionFree, lln);
  }

  /** A qualitative finding: "shownBy" measures, "ruledOutBy" sets of measures, "recencyDays" or "ever". */
  private Rule qualitativeResult(JsonNode n, String path, Problems p) {
    unknownFields(n, path, p, "kind", "label", "shownBy", "ruledOutBy", "recencyDays", "ever");
    int before = p.list.size();
    String label = text(n, "label", path, p, true);
    Set<String> shown = new java.util.LinkedHashSet<>();
    JsonNode s = n.get("shownBy");
    if (s == null || !s.isArray() || s.isEmpty()) p.add(path + ".shownBy", "expected a non-empty array of measures");
    else s.forEach(e -> shown.add(e.asText()));
    List<Set<String>> ruledOut = new java.util.ArrayList<>();
    JsonNode r = n.get("ruledOutBy");
    if (r != null && r.isArray()) {
      for (JsonNode set : r) {
        Set<String> measures = new java.util.LinkedHashSet<>();
        if (set.isArray()) set.forEach(e -> measures.add(e.asText()));
        if (measures.isEmpty()) p.add(path + ".ruledOutBy", "expected arrays of measures");
        ruledOut.add(measures);
      }
    } else if (r != null) {
      p.add(path + ".ruledOutBy", "expected an array");
    }
    boolean ever = bool(n, "ever", path, p, false);
    int recency = integer(n, "recencyDays", path, p, MeasurementRule.DEFAULT_RECENCY_DAYS, 1);
    return ok(p, before) ? new QualitativeResultRule(label, shown, ruledOut, recency, ever) : null;
  }

  /** A viral-load rule: "result": "detectable", or a comparator, threshold and unit (IU/mL or copies/mL). */
  private Rule viralLoad(JsonNode n, String path, Problems p) {
    unknownFields(n, path, p, "kind", "test", "infection", "label", "result", "comparator", "threshold", "unit",
        "recencyDays");
    int before = p.list.size();
    String test = text(n, "test", path, p, true);
    String infection = text(n, "infection", path, p, true);
    String label = text(n, "label", path, p, false);
    int recency = integer(n, "recencyDays", path, p, MeasurementRule.DEFAULT_RECENCY_DAYS, 1);
    if (lexicon != null && test != null && infection != null && !lexicon.knowsViralLoadTest(test, infection)) {
      p.add(path + ".test", "'" + test + "' is no viral-load test for '" + infection + "' in the terminology");
    }
    if (n.has("result")) {
      String result = text(n, "result", path, p, true);
      if (!"detectable".equals(result)) p.add(path + ".result", "expected 'detectable'");
      if (n.has("comparator") || n.has("threshold") || n.has("unit")) {
        p.add(path, "a detection rule has no comparator, threshold or unit");
      }
      return ok(p, before) ? new ViralLoadRule(test, infection, label, null, 0, "", recency) : null;
    }
    Comparator comparator = comparator(n, path, p);
    JsonNode t = n.get("threshold");
    double threshold = 0;
    if (t == null) p.add(path + ".threshold", "missing field");
    else if (!t.isNumber() || !Double.isFinite(t.asDouble())) p.add(path + ".threshold", "expected a number");
    else threshold = t.asDouble();
    String unit = text(n, "unit", path, p, true);
    if (unit != null && !unit.equals(ViralLoad.IU_PER_ML) && !unit.equals(ViralLoad.COPIES_PER_ML)) {
      p.add(path + ".unit", "expected " + ViralLoad.IU_PER_ML + " or " + ViralLoad.COPIES_PER_ML);
    }
    return ok(p, before) ? new ViralLoadRule(test, infection, label, comparator, threshold, unit, recency) : null;
  }

  private static Comparator comparator(JsonNode n, String path, Problems p) {
    String c = text(n, "comparator", path, p, true);
    if (c == null) return null;
    return switch (c.strip()) {
      case "≥", ">=", "GE", "ge" -> Comparator.GE;
      case "≤", "<=", "LE", "le" -> Comparator.LE;
      case ">", "GT", "gt" -> Comparator.GT;
      case "<", "LT", "lt" -> Comparator.LT;
      case "=", "==", "EQ", "eq" -> Comparator.EQ;
      default -> {
        p.add(path + ".comparator", "bad comparator '" + c + "' (expected one of ≥ ≤ > < = or >= <=)");
        yield null;
      }
    };
  }

  private Set<String> concepts(JsonNode n, String field, String path, Problems p, boolean required) {
    JsonNode a = n.get(field);
    if (a == null) {
      if (required) p.add(path + "." + field, "missing field");
      return Set.of();
    }
    if (!a.isArray() || (required && a.isEmpty())) {
      p.add(path + "." + field, required ? "expected a non-empty array of concept ids" : "expected an array");
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < a.size(); i++) {
      JsonNode x = a.get(i);
      if (!x.isTextual() || x.asText().isBlank()) {
        p.add(path + "." + field + "[" + i + "]", "expected a concept id");
        continue;
      }
      if (lexicon != null && !lexicon.knowsConcept(x.asText())) {
        p.add(path + "." + field + "[" + i + "]", "unknown concept id '" + x.asText() + "'");
      }
      ids.add(x.asText());
    }
    return ids;
  }

  private static String label(JsonNode n, String path, Problems p, Set<String> concepts) {
    String label = text(n, "label", path, p, false);
    return label != null ? label : String.join(" or ", concepts);
  }

  private static TimeWindow window(JsonNode w, String path, Problems p) {
    if (w == null) return TimeWindow.EVER;
    if (w.isTextual()) {
      switch (w.asText()) {
        case "ever" -> {
          return TimeWindow.EVER;
        }
        case "active", "current" -> {
          return TimeWindow.ACTIVE;
        }
        case "present" -> {
          return TimeWindow.PRESENT;
        }
        default -> {
          p.add(path, "unknown window '" + w.asText() + "' (expected \"ever\", \"active\", \"present\" or"
              + " {\"withinDays\": n} or {\"beganWithinDays\": n})");
          return null;
        }
      }
    }
    if (w.isObject() && w.size() == 1 && w.has("withinDays")) {
      int days = integer(w, "withinDays", path, p, -1, 1);
      return days > 0 ? TimeWindow.within(days) : null;
    }
    if (w.isObject() && w.size() == 1 && w.has("beganWithinDays")) {
      int days = integer(w, "beganWithinDays", path, p, -1, 1);
      return days > 0 ? TimeWindow.began(days) : null;
    }
    p.add(path, "expected \"ever\", \"active\", \"present\", {\"withinDays\": n} or {\"beganWithinDays\": n}");
    return null;
  }

  private static MedicationTiming timing(JsonNode t, String path, Problems p) {
    if (t == null) return MedicationTiming.EVER;
    if (t.isTextual()) {
      switch (t.asText()) {
        case "ever" -> {
          return MedicationTiming.EVER;
        }
        case "current" -> {
          return MedicationTiming.CURRENT;
        }
        default -> {
          p.add(path, "unknown timing '" + t.asText() + "'");
          return null;
        }
      }
    }
    if (t.isObject()) {
      if (t.has("withinDays")) {
        unknownFields(t, path, p, "withinDays");
        return new MedicationTiming.WithinDays(integer(t, "withinDays", path, p, 1, 1));
      }
      if (t.has("atLeastDaysBefore")) {
        unknownFields(t, path, p, "atLeastDaysBefore", "fromEnd");
        return new MedicationTiming.AtLeastDaysBefore(integer(t, "atLeastDaysBefore", path, p, 1, 0),
            bool(t, "fromEnd", path, p, false));
      }
      if (t.has("continuousFor")) {
        unknownFields(t, path, p, "continuousFor", "maxGapDays");
        return new MedicationTiming.ContinuousFor(integer(t, "continuousFor", path, p, 1, 1),
            integer(t, "maxGapDays", path, p, 0, 0));
      }
      if (t.has("forAtLeastDays")) {
        unknownFields(t, path, p, "forAtLeastDays");
        return new MedicationTiming.ForAtLeastDays(integer(t, "forAtLeastDays", path, p, 1, 1));
      }
    }
    p.add(path, "expected \"ever\", \"current\", {\"withinDays\": n}, {\"atLeastDaysBefore\": n, \"fromEnd\": b}, "
        + "{\"continuousFor\": n, \"maxGapDays\": g} or {\"forAtLeastDays\": n}");
    return null;
  }

  private List<Rule> ruleList(JsonNode n, String path, Problems p) {
    JsonNode a = n.get("rules");
    if (a == null || !a.isArray() || a.isEmpty()) {
      p.add(path + ".rules", "expected a non-empty array of rules");
      return List.of();
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Rule r = rule(a.get(i), path + ".rules[" + i + "]", p);
      if (r != null) rules.add(r);
    }
    return rules;
  }

  private static CriterionType criterionType(JsonNode c, String path, Problems p) {
    String t = text(c, "type", path, p, true);
    if (t == null) return null;
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "inclusion" -> CriterionType.INCLUSION;
      case "exclusion" -> CriterionType.EXCLUSION;
      default -> {
        p.add(path + ".type", "unknown type '" + t + "' (expected inclusion or exclusion)");
        yield null;
      }
    };
  }

  private static String text(JsonNode n, String field, String path, Problems p, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) p.add(path + "." + field, "missing field");
      return null;
    }
    if (!v.isTextual()) {
      p.add(path + "." + field, "expected a string");
      return null;
    }
    if (required && v.asText().isBlank()) {
      p.add(path + "." + field, "must not be blank");
      return null;
    }
    return v.asText();
  }

  private static boolean bool(JsonNode n, String field, String path, Problems p, boolean fallback) {
    JsonNode v = n.get(field);
    if (v == null) return fallback;
    if (!v.isBoolean()) {
      p.add(path + "." + field, "expected true or false");
      return fallback;
    }
    return v.asBoolean();
  }

  private static int integer(JsonNode n, String field, String path, Problems p, int fallback, int min) {
    JsonNode v = n.get(field);
    if (v == null) {
      if (fallback < min) p.add(path + "." + field, "missing field");
      return fallback;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min) {
      p.add(path + "." + field, "expected a whole number ≥ " + min);
      return Math.max(fallback, min);
    }
    return v.asInt();
  }

  private static void unknownFields(JsonNode n, String path, Problems p, String... known) {
    Set<String> allowed = Set.of(known);
    n.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) p.add(path + "." + f, "unknown field (expected " + String.join(", ", known) + ")");
    });
  }

  private static String lower(Set<? extends Enum<?>> values) {
    return values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).toList().toString();
  }
}
