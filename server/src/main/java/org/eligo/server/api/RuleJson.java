package org.eligo.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.SexRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.core.rule.QualitativeResultRule;

/** Writes a trial's criteria and their typed rules as JSON, each rule with a {@code kind} and its plain words. */
public final class RuleJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleJson() {}

  public static ObjectNode criteria(CriteriaSet set) {
    ObjectNode root = JSON.createObjectNode();
    root.put("trialId", set.trialId());
    root.put("coverage", set.coverage());
    ArrayNode list = root.putArray("criteria");
    for (Criterion c : set.criteria()) {
      ObjectNode o = list.addObject();
      o.put("id", c.id());
      o.put("type", c.type().name());
      o.put("text", org.eligo.core.trial.RegistryText.display(c.text()));
      o.put("origin", c.origin().name());
      o.put("confirmAtScreening", c.confirmAtScreening());
      o.put("description", RuleDescriber.describe(c.rule()));
      o.set("rule", rule(c.rule()));
    }
    return root;
  }

  public static ObjectNode rule(Rule rule) {
    ObjectNode o = JSON.createObjectNode();
    switch (rule) {
      case AgeRule r -> {
        o.put("kind", "age");
        if (r.min() != null) o.put("min", r.min().toString()).put("minInclusive", r.minInclusive());
        if (r.max() != null) o.put("max", r.max().toString()).put("maxInclusive", r.maxInclusive());
      }
      case SexRule r -> {
        o.put("kind", "sex");
        ArrayNode a = o.putArray("allowed");
        new TreeSet<>(r.allowed().stream().map(Enum::name).toList()).forEach(a::add);
      }
      case MeasurementRule r -> {
        o.put("kind", "measurement").put("measure", r.measure()).put("label", r.label())
            .put("comparator", r.comparator().name()).put("threshold", r.threshold())
            .put("relativeToUln", r.relativeToUln()).put("relativeToLln", r.relativeToLln()).put("unit", r.unit()).put("recencyDays", r.recencyDays());
        if (r.transfusionFreeDays() != null) o.put("transfusionFreeDays", r.transfusionFreeDays());
      }
      case ConditionRule r -> {
        o.put("kind", "condition").put("label", r.label());
        concepts(o, "concepts", r.concepts());
        concepts(o, "except", r.except());
        o.set("window", window(r.window()));
      }
      case MedicationRule r -> {
        o.put("kind", "medication").put("label", r.label());
        concepts(o, "concepts", r.concepts());
        o.set("timing", timing(r.timing()));
      }
      case ProcedureRule r -> {
        o.put("kind", "procedure").put("label", r.label());
        concepts(o, "concepts", r.concepts());
        o.set("window", window(r.window()));
        if (r.counted()) o.put("atLeast", r.atLeast()).put("units", r.units());
        if (!r.except().isEmpty()) concepts(o, "except", r.except());
      }
      case ImmunizationRule r -> {
        o.put("kind", "immunization").put("label", r.label());
        concepts(o, "concepts", r.concepts());
        o.set("window", window(r.window()));
      }
      case AllergyRule r -> {
        o.put("kind", "allergy").put("label", r.label()).put("anaphylaxisOnly", r.anaphylaxisOnly());
        concepts(o, "concepts", r.concepts());
      }
      case PregnancyRule r -> o.put("kind", "pregnancy").put("state", r.state().name())
          .put("recencyDays", r.recencyDays());
      case QualitativeResultRule r -> {
        o.put("kind", "qualitativeResult").put("label", r.label()).put("ever", r.ever())
            .put("recencyDays", r.recencyDays());
        com.fasterxml.jackson.databind.node.ArrayNode shown = o.putArray("shownBy");
        r.shownBy().stream().sorted().forEach(shown::add);
        com.fasterxml.jackson.databind.node.ArrayNode out = o.putArray("ruledOutBy");
        for (java.util.Set<String> set : r.ruledOutBy()) {
          com.fasterxml.jackson.databind.node.ArrayNode a = out.addArray();
          set.stream().sorted().forEach(a::add);
        }
      }
      case ViralLoadRule r -> {
        o.put("kind", "viralLoad").put("test", r.test()).put("infection", r.infection()).put("label", r.label());
        if (r.detection()) o.put("result", "detectable");
        else o.put("comparator", r.comparator().symbol()).put("threshold", r.threshold()).put("unit", r.unit());
        o.put("recencyDays", r.recencyDays());
      }
      case AllOf r -> parts(o.put("kind", "allOf"), r.rules());
      case AnyOf r -> parts(o.put("kind", "anyOf"), r.rules());
      case AtLeast r -> parts(o.put("kind", "atLeast").put("count", r.count()), r.rules());
      case Not r -> o.put("kind", "not").set("rule", rule(r.rule()));
      case Ask r -> o.put("kind", "ask").put("question", r.question());
      case ScreeningConfirmation r -> o.put("kind", "screeningConfirmation").put("what", r.what());
      case Unparsed r -> o.put("kind", "unparsed").put("reason", r.reason());
    }
    return o;
  }

  private static void parts(ObjectNode o, java.util.List<Rule> rules) {
    ArrayNode a = o.putArray("rules");
    rules.forEach(r -> a.add(rule(r)));
  }

  private static void concepts(ObjectNode o, String name, java.util.Set<String> concepts) {
    ArrayNode a = o.putArray(name);
    new TreeSet<>(concepts).forEach(a::add);
  }

  private static ObjectNode window(TimeWindow w) {
    ObjectNode o = JSON.createObjectNode();
    switch (w) {
      case TimeWindow.Ever e -> o.put("kind", "ever");
      case TimeWindow.Present p -> o.put("kind", "present");
      case TimeWindow.Active a -> o.put("kind", "active");
      case TimeWindow.WithinDays d -> o.put("kind", d.onset() ? "beganWithinDays" : "withinDays").put("days", d.days());
    }
    return o;
  }

  private static ObjectNode timing(MedicationTiming t) {
    ObjectNode o = JSON.createObjectNode();
    switch (t) {
      case MedicationTiming.Current c -> o.put("kind", "current");
      case MedicationTiming.Ever e -> o.put("kind", "ever");
      case MedicationTiming.WithinDays w -> o.put("kind", "withinDays").put("days", w.days());
      case MedicationTiming.AtLeastDaysBefore b -> o.put("kind", "atLeastDaysBefore").put("days", b.days())
          .put("fromEnd", b.fromEnd());
      case MedicationTiming.ContinuousFor c -> o.put("kind", "continuousFor").put("days", c.days())
          .put("maxGapDays", c.maxGapDays());
      case MedicationTiming.ForAtLeastDays f -> o.put("kind", "forAtLeastDays").put("days", f.days());
    }
    return o;
  }
}
