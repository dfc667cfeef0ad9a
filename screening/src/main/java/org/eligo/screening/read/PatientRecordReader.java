package org.eligo.screening.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eligo.core.patient.PatientFacts;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.HapiResourceParser;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.fhir.bulk.BulkLine;
import org.eligo.fhir.bulk.BulkLineError;
import org.eligo.fhir.bulk.BulkPatientAssembler;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.bulk.SupportedType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads one patient's bulk lines into facts: with the {@link FastPatientReader} when it knows every line's shape,
 * otherwise with the FHIR module's HAPI reader (which also reports lines HAPI cannot parse). Thread-safe.
 */
public final class PatientRecordReader {
  /** Which reader to use. */
  public enum Mode {
    /** The fast reader, HAPI for patients it leaves. */
    FAST,
    /** HAPI for every patient (the reference path). */
    HAPI
  }

  /**
   * A patient read.
   *
   * @param unreadable lines HAPI could not parse (only on the HAPI path; the fast path never drops a line)
   * @param fast true when the fast reader read it
   */
  public record Read(PatientFacts facts, List<BulkLineError> unreadable, boolean fast) {}

  private final Mode mode;
  private final FastPatientReader fastReader;
  private final HapiPatientReader hapi;
  private final Map<SupportedType, BulkPatientAssembler> assemblers = new EnumMap<>(SupportedType.class);
  private final MedicationCatalog medications;

  public PatientRecordReader(TerminologyAdapter terminology, Mode mode) {
    this(terminology, mode, MedicationCatalog.empty());
  }

  /** A reader that resolves {@code medicationReference}s to the export's shared Medications. */
  public PatientRecordReader(TerminologyAdapter terminology, Mode mode, MedicationCatalog medications) {
    this.mode = mode;
    this.medications = medications;
    this.fastReader = new FastPatientReader(terminology);
    this.hapi = new HapiPatientReader(terminology);
    for (SupportedType t : SupportedType.values()) assemblers.put(t, new BulkPatientAssembler(t.name()));
  }

  /** A reader over the bundled terminology. */
  public static PatientRecordReader bundled(Mode mode) {
    return new PatientRecordReader(TerminologyAdapter.bundled(), mode);
  }

  /** A reader over the bundled terminology that resolves references to the export's shared Medications. */
  public static PatientRecordReader bundled(Mode mode, MedicationCatalog medications) {
    return new PatientRecordReader(TerminologyAdapter.bundled(), mode, medications);
  }

  /**
   * Reads a patient.
   *
   * @param fileNames input file names by index, for errors
   */
  public Read read(PatientLines lines, LocalDate asOf, List<String> fileNames) {
    if (mode == Mode.FAST) {
      Optional<PatientFacts> fast = fastReader.read(lines, asOf);
      if (fast.isPresent()) return new Read(fast.get(), List.of(), true);
    }
    List<Resource> resources = new ArrayList<>(lines.records().size());
    List<BulkLineError> unreadable = new ArrayList<>();
    for (BucketRecord r : lines.records()) {
      String file = fileNames.get(r.file());
      switch (assemblers.get(r.type()).parseLine(file, r.line(), r.json())) {
        case BulkLine.Parsed p -> resources.add(p.resource());
        case BulkLine.Failed f -> unreadable.add(f.error());
        case BulkLine.Blank b -> { }
      }
    }
    addSharedMedications(resources);
    PatientFacts facts = hapi.read(resources, asOf).facts();
    if (!facts.id().equals(lines.patientId())) {
      // the Patient line itself was unreadable: keep the id the other lines refer to
      facts = facts.withId(lines.patientId());
    }
    return new Read(facts, unreadable, false);
  }

  /**
   * Adds the shared Medications the patient's medication resources refer to (the fast reader leaves every patient
   * with a {@code medicationReference} to this path), so the HAPI reader resolves them as it does inside a Bundle.
   */
  private void addSharedMedications(List<Resource> resources) {
    if (medications.size() == 0) return;
    Set<String> seen = new HashSet<>();
    List<Resource> shared = new ArrayList<>();
    for (Resource r : resources) {
      Type medication = switch (r) {
        case MedicationStatement x -> x.getMedication();
        case MedicationRequest x -> x.getMedication();
        case MedicationAdministration x -> x.getMedication();
        case MedicationDispense x -> x.getMedication();
        default -> null;
      };
      if (!(medication instanceof Reference ref) || !ref.hasReference() || !seen.add(ref.getReference())) continue;
      medications.json(ref.getReference()).map(json -> HapiResourceParser.parse(json, 0).resource())
          .ifPresent(shared::add);
    }
    resources.addAll(shared);
  }
}
