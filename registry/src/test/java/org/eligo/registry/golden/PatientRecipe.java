package org.eligo.registry.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;

/**
 * A patient written as a list of steps, one fact per step, turned into a FHIR Bundle by the test kit's
 * {@link FhirPatientBuilder}. Steps (arguments split on blanks, "double quotes" group words, {@code -} means none):
 *
 * <pre>
 * born DATE|-                               birth date (- leaves it out)
 * sex male|female|other|unknown|-           administrative gender (- leaves it out)
 * lab MEASURE VALUE UNIT|- DATE [ref LOW|- HIGH|-]   a result coded with the measure's LOINC from the terminology
 * ecog SCORE DATE                           ECOG performance status
 * pregnancy CODE DATE                       pregnancy status observation with a coded answer
 * cond CODE "text" ONSET|- [status S|none] [abated DATE]   a confirmed Condition, active unless status says
 * med CODE "text" FROM|- TO|- STATUS        a MedicationStatement
 * medreq CODE "text" FROM|- TO|- STATUS     a MedicationRequest (dosage bounds period)
 * medadmin CODE "text" DATE STATUS          a MedicationAdministration on one day
 * proc CODE "text" DATE|-                   a completed Procedure
 * allergy CODE "text"                       a confirmed AllergyIntolerance
 * vax CODE "text" DATE|-                    a completed Immunization
 * drop VERB [FIRST-ARGUMENT]                removes the earlier steps with this verb (and first argument)
 * </pre>
 *
 * CODE is {@code system:code} with system one of icd10, snomed, rxnorm, atc, cvx, loinc, or the word {@code text}
 * for a concept given by its text only. Every code used in the golden files comes from the terminology module's data
 * files, which cite their sources.
 */
record PatientRecipe(String name, List<List<String>> steps) {
  PatientRecipe {
    steps = List.copyOf(steps);
  }

  /** This recipe followed by more steps; {@code drop} steps remove earlier ones here. */
  PatientRecipe then(String name, List<List<String>> more) {
    List<List<String>> all = new ArrayList<>(steps);
    for (List<String> step : more) {
      if (step.getFirst().equals("drop")) {
        if (step.size() < 2) throw new IllegalArgumentException(name + ": drop needs a verb");
        int before = all.size();
        all.removeIf(s -> s.getFirst().equals(step.get(1)) && (step.size() < 3 || s.get(1).equals(step.get(2))));
        if (all.size() == before) throw new IllegalArgumentException(name + ": nothing to drop for " + step);
      } else {
        all.add(step);
      }
    }
    return new PatientRecipe(name, all);
  }

  /** The FHIR R4 Bundle (JSON) for this patient. */
  String bundleJson() {
    FhirPatientBuilder b = FhirPatientBuilder.patient(name.replaceAll("[^A-Za-z0-9-]", "-"));
    for (List<String> step : steps) {
      try {
        apply(b, step);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(name + ": bad step " + step + ": " + e.getMessage(), e);
      }
    }
    return b.bundleJson();
  }

  private static void apply(FhirPatientBuilder b, List<String> s) {
    String verb = s.getFirst();
    switch (verb) {
      case "born" -> {
        need(s, 2);
        if (!none(s.get(1))) b.born(s.get(1));
      }
      case "sex" -> {
        need(s, 2);
        if (!none(s.get(1))) b.gender(s.get(1));
      }
      case "lab" -> {
        need(s, 5);
        b.lab(s.get(1), Double.parseDouble(s.get(2)), orNull(s.get(3)), s.get(4));
        if (s.size() > 5) {
          if (s.size() != 8 || !s.get(5).equals("ref")) throw new IllegalArgumentException("expected ref LOW HIGH");
          b.referenceRange(number(s.get(6)), number(s.get(7)), orNull(s.get(3)));
        }
      }
      case "ecog" -> {
        need(s, 3);
        b.ecog(Integer.parseInt(s.get(1)), s.get(2));
      }
      case "pregnancy" -> {
        need(s, 3);
        b.pregnancyStatus(code(s.get(1), null), s.get(2));
      }
      case "cond" -> {
        need(s, 4);
        b.condition(code(s.get(1), s.get(2)), s.get(2), orNull(s.get(3)));
        for (int i = 4; i < s.size(); i += 2) {
          if (i + 1 >= s.size()) throw new IllegalArgumentException("option without value");
          switch (s.get(i)) {
            case "status" -> {
              if (s.get(i + 1).equals("none")) b.with(r -> r.remove("clinicalStatus"));
              else b.clinicalStatus(s.get(i + 1));
            }
            case "abated" -> b.abated(s.get(i + 1));
            default -> throw new IllegalArgumentException("unknown condition option " + s.get(i));
          }
        }
      }
      case "med" -> {
        need(s, 6);
        b.medication(code(s.get(1), s.get(2)), s.get(2), orNull(s.get(3)), orNull(s.get(4)), s.get(5));
      }
      case "medreq" -> {
        need(s, 6);
        b.medicationRequest(code(s.get(1), s.get(2)), s.get(2), orNull(s.get(3)), orNull(s.get(4)), s.get(5));
      }
      case "medadmin" -> {
        need(s, 5);
        b.medicationAdministration(code(s.get(1), s.get(2)), s.get(2), s.get(3), s.get(4));
      }
      case "proc" -> {
        need(s, 4);
        b.procedure(code(s.get(1), s.get(2)), s.get(2), orNull(s.get(3)));
      }
      case "allergy" -> {
        need(s, 3);
        b.allergy(code(s.get(1), s.get(2)), s.get(2), null);
      }
      case "vax" -> {
        need(s, 4);
        Code c = code(s.get(1), s.get(2));
        b.immunization(c.textOnly() ? c : c.display(s.get(2)), orNull(s.get(3)));
      }
      default -> throw new IllegalArgumentException("unknown step '" + verb + "'");
    }
  }

  /** A coding from {@code system:code}, or a text-only concept for the word {@code text}. */
  static Code code(String spec, String text) {
    if (spec.equals("text")) {
      if (text == null) throw new IllegalArgumentException("a text-only code needs a text");
      return Code.text(text);
    }
    int colon = spec.indexOf(':');
    if (colon < 0) throw new IllegalArgumentException("code '" + spec + "' is not system:code or text");
    String code = spec.substring(colon + 1);
    return switch (spec.substring(0, colon).toLowerCase(Locale.ROOT)) {
      case "icd10" -> Code.icd10(code);
      case "snomed" -> Code.snomed(code);
      case "rxnorm" -> Code.rxnorm(code);
      case "atc" -> Code.atc(code);
      case "cvx" -> Code.cvx(code);
      case "loinc" -> Code.loinc(code);
      default -> throw new IllegalArgumentException("unknown code system in '" + spec + "'");
    };
  }

  /** Splits a step on blanks; "double quotes" group words. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char ch : line.strip().toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(ch) && !quoted) {
        if (any) out.add(cur.toString());
        cur.setLength(0);
        any = false;
      } else {
        cur.append(ch);
        any = true;
      }
    }
    if (quoted) throw new IllegalArgumentException("unclosed quote in: " + line);
    if (any) out.add(cur.toString());
    return out;
  }

  private static void need(List<String> s, int n) {
    if (s.size() < n) throw new IllegalArgumentException(s.getFirst() + " needs " + (n - 1) + " arguments");
  }

  private static boolean none(String v) {
    return v.equals("-");
  }

  private static String orNull(String v) {
    return none(v) ? null : v;
  }

  private static Double number(String v) {
    return none(v) ? null : Double.valueOf(v);
  }
}
