package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.Unidentified;
import org.eligo.terminology.text.LocalUse;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;

/**
 * MedicationStatement, MedicationRequest, MedicationAdministration and MedicationDispense to {@link MedicationExposure}: the drug
 * (medicationCodeableConcept, or a contained or bundled Medication with its ingredients; RxNorm/ATC codes or
 * names and brands), the period, and the status.
 *
 * <p>Status: active, in-progress → ACTIVE; completed, stopped → COMPLETED; intended, draft, planned →
 * INTENDED, and so is a request whose intent is proposal, plan or option, unless a plan reports use (reported[x],
 * or the patient as requester: US Core's self-prescribed drug), which is read by its status; unknown, and on-hold
 * (paused: whether the patient takes it now is what a criterion on current use asks, and the pause does not say)
 * → UNKNOWN; entered-in-error, cancelled, not-taken, not-done, and a request not to give the drug (doNotPerform) →
 * skipped. An active request without an end date whose own terms ran out before the as-of date (its validity period
 * ended, its dosage's bounding duration is over, the supply it allows is used up) → UNKNOWN: the export did not close
 * it, and whether the drug is still taken is asked.
 */
final class MedicationMapper {
  private MedicationMapper() {}

  static void map(MedicationStatement s, ResourceScope scope, PatientFactsCollector facts) {
    ExposureStatus status = status(s.hasStatus() ? s.getStatus().toCode() : null, scope);
    if (status == null) return;
    Span span = span(scope, "effective", s.getEffective());
    if (status == ExposureStatus.ACTIVE && (span == null || span.end() == null)) {
      String stale = stale(s, span, scope);
      if (stale != null) {
        // "active" is what the statement said when it was made: a drug nobody has asserted for over a year may have
        // been stopped long since. Whether the patient takes it now is unknown (asked), never taken as now (§75)
        scope.info("status", "is active, but " + stale + "; whether the patient still takes the drug on "
            + scope.record().asOf() + " is read as unknown");
        status = ExposureStatus.UNKNOWN;
      }
    }
    add(scope, facts, s, s.getMedication(), status, span, words(s.getDosage()));
  }

  /**
   * How long an "active" MedicationStatement is taken as the patient's current drug after the last day the record
   * says so: a year (a month read as 31 days, so 366), the longest a prescription is commonly valid, within which a
   * drug taken on is renewed, reconciled or asserted again.
   */
  static final int STATEMENT_CURRENT_DAYS = 366;

  /**
   * Why an active MedicationStatement without an end is not the patient's drug now, or null. "Active" holds as of
   * the day the statement was asserted (dateAsserted, else the day the resource was last updated); an effective
   * period with a start and no end is, in FHIR's own words, ongoing, and an effective day is a day the drug was
   * taken. The statement is stale when the last of the days it gives (each read at its latest) is more than
   * {@link #STATEMENT_CURRENT_DAYS} days before the as-of date: an old effective day with no later assertion, or an
   * assertion (even of an open period) that old. An open period asserted on no day, and a statement with no date,
   * keep their status: nothing dates them. The day the resource was last updated (a server's write, which a load or
   * an export makes for every resource) dates an open period or an undated statement, never an old effective day
   * (§80).
   */
  private static String stale(MedicationStatement s, Span span, ResourceScope scope) {
    LocalDate asOf = scope.record().asOf();
    LocalDate latest = null;
    String said = null;
    if (span != null && span.start() != null) {
      latest = span.start().last();
      said = (s.getEffective() instanceof Period ? "its effective period began " : "its effective date is ")
          + dayText(span.start());
    }
    FhirDates.Day asserted = s.hasDateAssertedElement() && s.getDateAssertedElement().getValue() != null
        ? FhirDates.parse(s.getDateAssertedElement().getValueAsString()) : null;
    boolean dated = asserted != null;
    if (asserted != null) {
      if (latest == null || asserted.last().isAfter(latest)) {
        latest = asserted.last();
        said = "it was asserted on " + dayText(asserted);
      }
    } else if (s.hasMeta() && s.getMeta().hasLastUpdatedElement()
        && s.getMeta().getLastUpdatedElement().getValue() != null) {
      FhirDates.Day updated = FhirDates.parse(s.getMeta().getLastUpdatedElement().getValueAsString());
      dated = updated != null;
      // the day a server last wrote the resource (a load or an export rewrites it for every resource) dates an open
      // period, never an old effective day: "prednisone, 2024-01-10", loaded yesterday, is no drug taken now (§80)
      if (updated != null && (latest == null || s.getEffective() instanceof Period)
          && (latest == null || updated.last().isAfter(latest))) {
        latest = updated.last();
        said = "it was last updated on " + dayText(updated);
      }
    }
    // an open period says the drug goes on; without a day it was said on, it goes on to now
    if (!dated && s.getEffective() instanceof Period) return null;
    if (latest == null || !latest.plusDays(STATEMENT_CURRENT_DAYS).isBefore(asOf)) return null;
    return said + " and nothing in it says the drug was taken since";
  }

  /** Request intents that only propose or plan a drug: nobody has been told to give it yet. */
  static final java.util.Set<String> PLANNED_INTENTS = java.util.Set.of("proposal", "plan", "option");

  static void map(MedicationRequest r, ResourceScope scope, PatientFactsCollector facts) {
    if (r.hasDoNotPerform() && r.getDoNotPerform()) {
      // "do not give this drug" (an order not to prescribe it, as after an adverse reaction) is no exposure to it
      scope.skip("doNotPerform", "the request is not to give the drug");
      return;
    }
    ExposureStatus status = status(r.hasStatus() ? r.getStatus().toCode() : null, scope);
    if (status == null) return;
    if (r.hasIntent() && PLANNED_INTENTS.contains(r.getIntent().toCode()) && status != ExposureStatus.INTENDED) {
      if (r.getIntent() == MedicationRequest.MedicationRequestIntent.PLAN && reportedUse(r)) {
        // US Core records a medication the patient reports taking (self-prescribed, over the counter) as a request
        // with intent plan, reported true and the patient as requester: a record of use, read by its status
        scope.info("intent", "is plan, but the request reports a drug the patient takes (reported, or requested by"
            + " the patient); it is read by its status, not as planned");
      } else {
        scope.info("intent", "is " + r.getIntent().toCode() + ": the drug is planned or proposed, not taken");
        status = ExposureStatus.INTENDED;
      }
    }
    Span span = null;
    for (int i = 0; i < r.getDosageInstruction().size() && span == null; i++) {
      Dosage d = r.getDosageInstruction().get(i);
      if (d.hasTiming() && d.getTiming().hasRepeat() && d.getTiming().getRepeat().hasBoundsPeriod()) {
        span = span(scope, "dosageInstruction[" + i + "].timing.repeat.boundsPeriod",
            d.getTiming().getRepeat().getBoundsPeriod());
      }
    }
    if (span == null && r.hasAuthoredOnElement()) {
      span = new Span(scope.days("authoredOn", r.getAuthoredOnElement(), false), null);
    }
    if (status == ExposureStatus.ACTIVE && (span == null || span.end() == null)) {
      String ranOut = ranOut(r, span == null ? null : span.start(), scope);
      if (ranOut != null) {
        // the order is still marked active, but by its own terms it can no longer be given: the export did not
        // close it. Whether the patient takes the drug now is unknown (asked), never taken as now, nor as stopped
        scope.info("status", "is active, but " + ranOut + "; whether the patient still takes the drug on "
            + scope.record().asOf() + " is read as unknown");
        status = ExposureStatus.UNKNOWN;
      }
    }
    add(scope, facts, r, r.getMedication(), status, span, words(r.getDosageInstruction()));
  }

  /**
   * Why an active request without an end date can no longer be given as of the as-of date, or null: its validity
   * period (dispenseRequest.validityPeriod: the time a prescription may be dispensed) has ended; the course its
   * dosage bounds by a duration (timing.repeat.boundsDuration, from the course's start: the bounds' start, else
   * authoredOn) is over; or the supply it allows (expectedSupplyDuration, once and once per allowed repeat, from the
   * validity's start, else the course's start) has run out. Each is read at its latest: a month counts 31 days, a
   * year 366, a start given as a year or month from its last day.
   */
  private static String ranOut(MedicationRequest r, FhirDates.Day start, ResourceScope scope) {
    LocalDate asOf = scope.record().asOf();
    MedicationRequest.MedicationRequestDispenseRequestComponent dispense = r.hasDispenseRequest()
        ? r.getDispenseRequest() : null;
    FhirDates.Day validFrom = null;
    if (dispense != null && dispense.hasValidityPeriod()) {
      Period validity = dispense.getValidityPeriod();
      FhirDates.Day until = scope.days("dispenseRequest.validityPeriod.end", validity.getEndElement(), false);
      if (until != null && until.last().isBefore(asOf)) {
        return "its validity period ended on " + validity.getEndElement().getValueAsString()
            + " (it can no longer be dispensed)";
      }
      validFrom = scope.days("dispenseRequest.validityPeriod.start", validity.getStartElement(), false);
    }
    for (Dosage d : r.getDosageInstruction()) {
      if (start == null || !d.hasTiming() || !d.getTiming().hasRepeat()) continue;
      Timing.TimingRepeatComponent repeat = d.getTiming().getRepeat();
      if (!repeat.hasBoundsDuration()) continue;
      Long days = longestDays(repeat.getBoundsDuration());
      if (days != null && start.last().plusDays(days).isBefore(asOf)) {
        return "its dosage runs for " + repeat.getBoundsDuration().getValue().toPlainString() + " "
            + unitOf(repeat.getBoundsDuration()) + " from " + dayText(start) + ", a course that is over";
      }
    }
    FhirDates.Day supplyFrom = validFrom != null ? validFrom : start;
    if (dispense != null && dispense.hasExpectedSupplyDuration() && supplyFrom != null) {
      Long days = longestDays(dispense.getExpectedSupplyDuration());
      int fills = 1 + (dispense.hasNumberOfRepeatsAllowed() ? Math.max(0, dispense.getNumberOfRepeatsAllowed()) : 0);
      if (days != null && supplyFrom.last().plusDays(days * fills).isBefore(asOf)) {
        return "the supply it allows (" + fills + " × " + dispense.getExpectedSupplyDuration().getValue()
            .toPlainString() + " " + unitOf(dispense.getExpectedSupplyDuration()) + " from " + dayText(supplyFrom)
            + ") has run out";
      }
    }
    return null;
  }

  /** The longest number of days a duration can mean (an hour a whole day, a month 31, a year 366), or null. */
  private static Long longestDays(org.hl7.fhir.r4.model.Quantity q) {
    if (q == null || !q.hasValue() || q.getValue().signum() < 0) return null;
    String unit = q.hasCode() ? q.getCode() : q.hasUnit() ? q.getUnit() : "";
    double value = q.getValue().doubleValue();
    double days = switch (unit.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "h", "hour", "hours" -> value / 24;
      case "d", "day", "days" -> value;
      case "wk", "week", "weeks" -> value * 7;
      case "mo", "month", "months" -> value * 31;
      case "a", "year", "years" -> value * 366;
      default -> -1;
    };
    return days < 0 ? null : (long) Math.ceil(days);
  }

  private static String unitOf(org.hl7.fhir.r4.model.Quantity q) {
    return q.hasUnit() ? q.getUnit() : q.getCode();
  }

  /** A day as the record gives it: the day, else the month or the year. */
  private static String dayText(FhirDates.Day d) {
    if (!d.partial()) return d.day().toString();
    return d.day().getYear() == d.last().getYear() && d.day().getMonth() == d.last().getMonth()
        ? d.day().toString().substring(0, 7) : String.valueOf(d.day().getYear());
  }


  /**
   * Whether a request records use the patient or someone else reports rather than an order or a plan: {@code
   * reportedBoolean} true, a {@code reportedReference} (who reported it), or a requester who is the patient or a
   * relative (a self-prescribed drug).
   */
  static boolean reportedUse(MedicationRequest r) {
    if (r.hasReportedBooleanType() && r.getReportedBooleanType().booleanValue()) return true;
    if (r.hasReportedReference()) return true;
    if (!r.hasRequester() || !r.getRequester().hasReference()) return false;
    String requester = RecordContext.typeAndId(r.getRequester().getReference());
    return requester.startsWith("Patient/") || requester.startsWith("RelatedPerson/");
  }

  /**
   * A dispense says the drug was handed over, not when treatment began (earlier dispenses may be missing from the
   * export) nor whether it went on after the supply ran out. So it gives no start; while its days' supply lasts past
   * the as-of date the drug is taken (ACTIVE to the supply's end); otherwise when it was taken stays unknown.
   */
  static void map(MedicationDispense d, ResourceScope scope, PatientFactsCollector facts) {
    String code = d.hasStatus() ? d.getStatus().toCode() : null;
    if (code != null && Set.of("cancelled", "entered-in-error", "declined").contains(code)) {
      scope.skip("status", "status is " + code);
      return;
    }
    ExposureStatus status = "preparation".equals(code) ? ExposureStatus.INTENDED : ExposureStatus.UNKNOWN;
    FhirDates.Day handed = d.hasWhenHandedOverElement()
        ? scope.days("whenHandedOver", d.getWhenHandedOverElement(), false) : null;
    if (handed != null && handed.day().isAfter(scope.record().asOf())) {
      scope.info("whenHandedOver", "is after the as-of date " + scope.record().asOf() + "; the drug is not yet taken");
      status = ExposureStatus.INTENDED;
    }
    FhirDates.Day end = null;
    if (handed != null && status != ExposureStatus.INTENDED && d.hasDaysSupply() && d.getDaysSupply().hasValue()
        && (!d.getDaysSupply().hasCode() || "d".equals(d.getDaysSupply().getCode()))) {
      long days = Math.max(0, d.getDaysSupply().getValue().longValue() - 1);
      // handed over in a month or year only: the supply ends between its first and its last day plus the supply
      FhirDates.Day supplyEnd = new FhirDates.Day(handed.day().plusDays(days), handed.partial(),
          handed.last().plusDays(days));
      if (!supplyEnd.last().isBefore(scope.record().asOf())) {
        end = supplyEnd;
        status = ExposureStatus.ACTIVE;
      }
    }
    add(scope, facts, d, d.getMedication(), status, new Span(null, end),
        d.hasDosageInstruction() ? words(d.getDosageInstruction()) : "");
  }

  static void map(MedicationAdministration a, ResourceScope scope, PatientFactsCollector facts) {
    ExposureStatus status = status(a.hasStatus() ? a.getStatus().toCode() : null, scope);
    if (status == null) return;
    Span span = span(scope, "effective", a.getEffective());
    if (span != null && span.end() == null && status == ExposureStatus.COMPLETED) span = new Span(span.start(),
        span.start());
    add(scope, facts, a, a.getMedication(), status, span, a.hasDosage() ? words(a.getDosage()) : "");
  }

  /** The dosages' routes, as words: what may tell how a drug is used (never the free-text instructions). */
  private static String words(List<Dosage> dosages) {
    StringBuilder out = new StringBuilder();
    for (Dosage d : dosages) if (d.hasRoute()) out.append(names(d.getRoute()));
    return out.toString();
  }

  private static String words(MedicationAdministration.MedicationAdministrationDosageComponent d) {
    return d.hasRoute() ? names(d.getRoute()) : "";
  }

  /** Every name the entry gives its drug: the concept's, the Medication's held in the record, the reference's. */
  private static String wholeNames(Type medication, Medication referenced) {
    String out = medication instanceof CodeableConcept cc ? names(cc) : "";
    if (referenced != null) out += names(referenced.getCode());
    if (medication instanceof Reference ref && ref.hasDisplay()) out += ref.getDisplay() + " | ";
    return out;
  }

  /** A concept's text and displays, as words: what may tell how a drug is used. */
  private static String names(CodeableConcept c) {
    StringBuilder out = new StringBuilder();
    if (c == null) return "";
    if (c.hasText()) out.append(c.getText()).append(" | ");
    for (org.hl7.fhir.r4.model.Coding coding : c.getCoding()) {
      if (coding.hasDisplay()) out.append(coding.getDisplay()).append(" | ");
    }
    return out.toString();
  }

  /** An exposure period; either end may be null, and either may be a year or month (its first and last day). */
  private record Span(FhirDates.Day start, FhirDates.Day end) {}

  private static Span span(ResourceScope scope, String name, Type value) {
    if (value == null || value.isEmpty()) return null;
    if (value instanceof Period p) {
      String path = name.endsWith("boundsPeriod") ? name : name + "Period";
      FhirDates.Day start = scope.days(path + ".start", p.getStartElement(), false);
      FhirDates.Day end = scope.days(path + ".end", p.getEndElement(), false);
      if (start != null && end != null && end.last().isBefore(start.day())) scope.warn(path, "ends before it starts");
      return new Span(start, end);
    }
    if (value instanceof org.hl7.fhir.r4.model.DateTimeType d) {
      return new Span(scope.days(name + "DateTime", d, false), null);
    }
    return null;
  }

  private static ExposureStatus status(String code, ResourceScope scope) {
    if (code == null) {
      scope.info("status", "is missing; read as unknown");
      return ExposureStatus.UNKNOWN;
    }
    return switch (code) {
      case "active", "in-progress" -> ExposureStatus.ACTIVE;
      case "on-hold" -> {
        scope.info("status", "is on-hold (paused); read as unknown whether it is taken now");
        yield ExposureStatus.UNKNOWN;
      }
      case "completed", "stopped" -> ExposureStatus.COMPLETED;
      case "intended", "draft", "planned" -> ExposureStatus.INTENDED;
      case "unknown" -> ExposureStatus.UNKNOWN;
      default -> {
        scope.skip("status", "status is " + code);
        yield null;
      }
    };
  }

  private static void add(ResourceScope scope, PatientFactsCollector facts, DomainResource resource, Type medication,
                          ExposureStatus status, Span span, String dosageWords) {
    // "FFP 4 units for reversal of warfarin", "Vitamin K for warfarin reversal": the product given, not the drug named
    // as its reason (DECISIONS 96); a product Eligo cannot name beside such a drug is a drug it cannot tell (UNKNOWN)
    Type given = medication;
    Type named = medication;
    boolean unnamedBesideReason = false;
    java.util.Set<String> reasonDrugs = java.util.Set.of();
    // the Medication the entry points to, when the record holds it; its own name may give a reason (DECISIONS 98)
    Medication referenced = medication instanceof Reference r && scope.record().resolve(r, resource) instanceof
        Medication m ? m : null;
    Medication cutMedication = null;
    if (medication instanceof CodeableConcept cc && MedicationReasons.heads(cc) != null) {
      named = MedicationReasons.heads(cc);
    } else if (referenced != null && MedicationReasons.heads(referenced.getCode()) != null) {
      cutMedication = referenced.copy();
      cutMedication.setCode(MedicationReasons.heads(referenced.getCode()));
      named = ((Reference) medication).copy();
    } else if (medication instanceof Reference ref && ref.hasDisplay() && referenced == null
        && MedicationReasons.head(ref.getDisplay()) != null) {
      named = ref.copy().setDisplay(MedicationReasons.head(ref.getDisplay()));
    }
    if (named != medication) {
      CodeableConcepts.Meaning whole = CodeableConcepts.quietly(scope.terminology(),
          medication instanceof CodeableConcept cc ? cc : referenced != null ? referenced.getCode()
              : new CodeableConcept().setText(((Reference) medication).getDisplay()));
      CodeableConcepts.Meaning head = CodeableConcepts.quietly(scope.terminology(),
          named instanceof CodeableConcept cc ? cc : cutMedication != null ? cutMedication.getCode()
              : new CodeableConcept().setText(((Reference) named).getDisplay()));
      unnamedBesideReason = !head.known() && whole.known();
      // "Platelets for procedure on clopidogrel", "IVIG for ITP on eltrombopag", "FFP for reversal of warfarin": the
      // drug named after the product is one the patient was on at some time, when unknown: never read as not taken
      java.util.Set<String> rest = new java.util.HashSet<>(whole.concepts());
      rest.removeAll(head.concepts());
      rest.removeAll(Unidentified.CONCEPTS);
      reasonDrugs = rest;
      // "Consent for blood transfusion": a name that only mentions a transfusion is read as §87 reads it; "Immune
      // globulin from pooled human plasma": neither part names a concept, so the cut tells nothing (DECISIONS 98)
      if (unnamedBesideReason && Unidentified.aboutTransfusion(whole.concepts()) || !head.known() && !whole.known()) {
        named = medication;
        cutMedication = null;
        unnamedBesideReason = false;
        reasonDrugs = java.util.Set.of();
      }
    }
    if (named != medication) {
      medication = named;
      scope.info("medication", "names a reason or context after the product given; read as the product given"
          + (unnamedBesideReason ? ", which Eligo cannot name: the criteria it could answer stay open (UNKNOWN)" : ""));
    }
    Medication med = cutMedication != null ? cutMedication : referenced;
    // "Discontinue eltrombopag", "Hold warfarin", "Stopped eculizumab" in an entry still "active": taken, but whether
    // now is asked, as a status "on-hold" is (DECISIONS 98 review); read as taken now, "Current anticoagulant use"
    // excluded a patient whose warfarin was stopped
    if (status == ExposureStatus.ACTIVE && MedicationReasons.saysStopped(wholeNames(given, referenced))) {
      scope.info("medication", "names the drug as stopped or held; read as unknown whether it is taken now");
      status = ExposureStatus.UNKNOWN;
    }
    CodeableConcepts.Meaning meaning = med != null ? fromMedication(scope, med, resource)
        : drug(scope, resource, medication);
    // "Red Blood Cells, Leukocytes Reduced", "Apheresis Platelets", "FFP 2 units": the blood product it names (§87)
    if (medication instanceof CodeableConcept cc) {
      meaning = BloodProducts.refine(scope, meaning, List.of(cc), true);
    } else if (med != null) {
      meaning = BloodProducts.refine(scope, meaning, List.of(med.getCode()), true);
    } else if (medication instanceof Reference ref && ref.hasDisplay()) {
      // a Medication not in the record, named by the reference's display alone: a transfusion only by a transfusion's
      // name ("Luspatercept for RBC transfusion burden" is luspatercept; §87 amendment)
      meaning = BloodProducts.named(scope, meaning, List.of(new CodeableConcept().setText(ref.getDisplay())), true);
    }
    String drugWords = "";
    if (medication instanceof CodeableConcept cc) {
      drugWords = names(cc);
    } else if (med != null) {
      drugWords = names(med.getCode()) + (med.hasForm() ? names(med.getForm()) : "");
    }
    boolean local = LocalUse.of(drugWords + dosageWords);
    if (local) scope.info("dosage", "the drug is used locally (a cream, an inhaler, drops, a line flush): criteria about"
        + " it stay open rather than settled");
    if (span == null) span = new Span(null, null);
    if (span.start() == null) scope.info("effective", "no start date; time windows may stay unknown");
    if (status != ExposureStatus.INTENDED && span.start() != null
        && span.start().day().isAfter(scope.record().asOf())) {
      scope.warn("effective", "starts after the as-of date " + scope.record().asOf() + " but is not planned");
    }
    if (unnamedBesideReason && !meaning.known()) meaning = new CodeableConcepts.Meaning(Unidentified.CONCEPTS,
        meaning.text());
    Integer units = BloodProducts.transfusion(meaning.concepts()) ? units(scope, resource, medication, med) : null;
    facts.medications.add(new MedicationExposure(meaning.concepts(), meaning.text(), first(span.start()),
        first(span.end()), status, scope.source(), local, last(span.start()), last(span.end()), units));
    if (!reasonDrugs.isEmpty() && status != ExposureStatus.INTENDED && !BloodProducts.transfusion(reasonDrugs)) {
      // the reason's drug, undated and of unknown status: ever taken, but when is asked (DECISIONS 96 review)
      facts.medications.add(new MedicationExposure(reasonDrugs, meaning.text() + " (the drug it was given for or on)",
          null, null, ExposureStatus.UNKNOWN, scope.source(), false, null, null, null));
    }
  }

  /**
   * The units of blood product a transfusion given as a medication was (DECISIONS 92): its dose in units
   * (MedicationAdministration.dosage.dose, a statement's doseQuantity: "2 U", "1 {unit}"), the name's ("PRBC 2 units",
   * "pRBCs x2"); null when none is given, when they disagree, or when the dose is a volume ("300 mL").
   */
  private static Integer units(ResourceScope scope, DomainResource resource, Type medication, Medication med) {
    List<CodeableConcept> codes = new java.util.ArrayList<>();
    if (medication instanceof CodeableConcept cc) codes.add(cc);
    else if (med != null) {
      codes.add(med.getCode());
    } else if (medication instanceof Reference ref && ref.hasDisplay()) {
      codes.add(new CodeableConcept().setText(ref.getDisplay()));
    }
    Integer named = BloodProducts.unitsOf(codes);
    List<org.hl7.fhir.r4.model.Quantity> doses = new java.util.ArrayList<>();
    if (resource instanceof MedicationAdministration a && a.hasDosage() && a.getDosage().hasDose()) {
      doses.add(a.getDosage().getDose());
    }
    if (resource instanceof MedicationStatement st) {
      for (Dosage d : st.getDosage()) {
        for (Dosage.DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
          if (dr.hasDoseQuantity()) doses.add(dr.getDoseQuantity());
        }
      }
    }
    Integer dosed = null;
    boolean other = false; // a dose in another unit (a volume) says nothing of the units
    for (org.hl7.fhir.r4.model.Quantity q : doses) {
      Integer n = BloodProducts.unitsOfDose(q.getValue(), q.getUnit(), q.getCode());
      if (n == null) {
        other = true;
        continue;
      }
      if (dosed != null && !dosed.equals(n)) return null;
      dosed = n;
    }
    if (dosed == null && other && named == null) return null;
    if (dosed != null && named != null && !dosed.equals(named)) return null;
    return dosed != null ? dosed : named;
  }

  private static LocalDate first(FhirDates.Day day) {
    return day == null ? null : day.day();
  }

  private static LocalDate last(FhirDates.Day day) {
    return day == null ? null : day.last();
  }

  private static CodeableConcepts.Meaning drug(ResourceScope scope, DomainResource resource, Type medication) {
    if (medication instanceof CodeableConcept cc) {
      return CodeableConcepts.readIdentity(scope, "medicationCodeableConcept", cc);
    }
    if (medication instanceof Reference ref) {
      Resource target = scope.record().resolve(ref, resource);
      if (target instanceof Medication m) return fromMedication(scope, m, resource);
      boolean named = ref.hasDisplay() && !ref.getDisplay().isBlank();
      if (!named) {
        String label = (ref.hasReference() ? ref.getReference() : "a reference") + " (not in the record)";
        scope.warn("medicationReference", "points to no Medication in the record and gives no name; the criteria it"
            + " could answer stay open (UNKNOWN) rather than ruled out");
        return new CodeableConcepts.Meaning(Unidentified.CONCEPTS, label);
      }
      scope.warn("medicationReference", "points to no Medication in the record; only its display is used");
      return new CodeableConcepts.Meaning(scope.terminology().conceptsForText(ref.getDisplay()), ref.getDisplay());
    }
    scope.warn("medication", "is missing; the criteria it could answer stay open (UNKNOWN) rather than ruled out");
    return new CodeableConcepts.Meaning(Unidentified.CONCEPTS, CodeableConcepts.NO_CODE);
  }

  private static CodeableConcepts.Meaning fromMedication(ResourceScope scope, Medication m, DomainResource container) {
    CodeableConcepts.Meaning main = CodeableConcepts.quietly(scope.terminology(), m.getCode());
    Set<String> concepts = new LinkedHashSet<>(main.concepts());
    boolean unreadIngredient = false;
    for (Medication.MedicationIngredientComponent ing : m.getIngredient()) {
      if (ing.hasItemCodeableConcept()) {
        concepts.addAll(CodeableConcepts.quietly(scope.terminology(), ing.getItemCodeableConcept()).concepts());
      } else if (ing.hasItemReference()) {
        // an ingredient given as a Medication or Substance: read its code when the record holds it
        Resource item = scope.record().resolve(ing.getItemReference(), container);
        if (item == null) item = scope.record().resolve(ing.getItemReference(), m);
        CodeableConcept itemCode = item instanceof Medication im ? im.getCode()
            : item instanceof org.hl7.fhir.r4.model.Substance sub ? sub.getCode() : null;
        Set<String> found = CodeableConcepts.quietly(scope.terminology(), itemCode).concepts();
        if (found.isEmpty() && ing.getItemReference().hasDisplay()) {
          found = scope.terminology().conceptsForText(ing.getItemReference().getDisplay());
        }
        concepts.addAll(found);
        unreadIngredient |= found.isEmpty();
      }
    }
    if (concepts.isEmpty() && unreadIngredient) {
      // its ingredients are what it is, and one of them could not be read: it may be any drug a criterion names
      scope.info("medicationReference", "the referenced Medication names no drug Eligo knows and an ingredient of it "
          + "could not be read; the criteria it could answer stay open (UNKNOWN) rather than ruled out");
      return new CodeableConcepts.Meaning(Unidentified.CONCEPTS, main.text().isEmpty() ? CodeableConcepts.NO_CODE
          : main.text());
    }
    boolean nameless = CodeableConcepts.nameless(m.getCode()) && m.getIngredient().stream()
        .allMatch(ing -> !ing.hasItemCodeableConcept() || CodeableConcepts.nameless(ing.getItemCodeableConcept()));
    if (concepts.isEmpty() && nameless) {
      List<String> codes = new ArrayList<>();
      if (!CodeableConcepts.codes(m.getCode()).isEmpty()) codes.add(CodeableConcepts.codes(m.getCode()));
      for (Medication.MedicationIngredientComponent ing : m.getIngredient()) {
        if (ing.hasItemCodeableConcept() && !CodeableConcepts.codes(ing.getItemCodeableConcept()).isEmpty()) {
          codes.add(CodeableConcepts.codes(ing.getItemCodeableConcept()));
        }
      }
      String label = codes.isEmpty() ? CodeableConcepts.NO_CODE : String.join(", ", codes);
      scope.info("medicationReference", "the referenced Medication has no name and Eligo does not know "
          + (codes.isEmpty() ? "what it is" : label) + "; the criteria it could answer stay open (UNKNOWN) rather than"
          + " ruled out");
      return new CodeableConcepts.Meaning(Unidentified.CONCEPTS, label);
    }
    if (concepts.isEmpty()) {
      scope.info("medicationReference", "the referenced Medication names no known drug; it cannot match a criterion");
    }
    return new CodeableConcepts.Meaning(concepts, main.text());
  }
}
