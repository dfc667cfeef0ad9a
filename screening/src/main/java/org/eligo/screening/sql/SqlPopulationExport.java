package org.eligo.screening.sql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eligo.core.patient.AllergyFact;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.KidneyFunctionEstimates;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.screening.bulk.BucketGrouper;
import org.eligo.screening.bulk.BucketPartitioner;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.bulk.ErrorLog;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.read.MedicationCatalog;
import org.eligo.screening.read.PatientRecordReader;

/**
 * Turns a bulk export into one CSV file per {@link SqlSchema} table (no header; empty field = NULL), reading patients
 * exactly as screening does (the same grouping and reader), bucket by bucket so memory stays bounded. The peers thus
 * see the same facts as Eligo, and differences can only come from evaluation.
 */
public final class SqlPopulationExport implements AutoCloseable {
  private final Map<String, BufferedWriter> tables = new HashMap<>();
  private long patients;

  private SqlPopulationExport(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String t : SqlSchema.TABLES) {
      tables.put(t, Files.newBufferedWriter(dir.resolve(t + ".csv"), StandardCharsets.UTF_8));
    }
  }

  /** Exports {@code input} into CSV files under {@code dir}; returns the number of patients. */
  public static long export(Path input, LocalDate asOf, Path dir, int threads) {
    BulkFiles files = BulkFiles.discover(input);
    List<String> names = files.files().stream().map(BulkFile::name).toList();
    int buckets = (int) Math.max(1, Math.min(4096, files.estimatedTextBytes() / (32L << 20) + 1));
    Path work = dir.resolve(".buckets");
    try (SqlPopulationExport out = new SqlPopulationExport(dir)) {
      Files.createDirectories(work);
      try (ErrorLog errors = new ErrorLog(dir.resolve(".errors.tsv"))) {
        PatientRecordReader reader = PatientRecordReader.bundled(PatientRecordReader.Mode.FAST,
            MedicationCatalog.read(files.medications(), errors::add));
        BucketPartitioner.partition(files, work, buckets, threads, errors, new LongAdder());
        for (int b = 0; b < buckets; b++) {
          for (PatientLines p : BucketGrouper.group(work, b, threads, names, errors::add)) {
            PatientFacts facts = reader.read(p, asOf, names).facts();
            if (!facts.diedBy(asOf)) out.add(facts); // as screening: nobody is screened after their death
          }
        }
      }
      try (var walk = Files.walk(work)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
      }
      Files.deleteIfExists(dir.resolve(".errors.tsv"));
      return out.patients;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one patient's rows. */
  public void add(PatientFacts f) throws IOException {
    String id = f.id();
    row("patients", id, f.birthDate(), f.sex().name(), f.birthDateLatest());
    // with the creatinine-based estimates the evaluator makes (PatientIndex), so both read the same values
    List<Measurement> ms = KidneyFunctionEstimates.withEstimates(f);
    for (int i = 0; i < ms.size(); i++) {
      Measurement m = ms.get(i);
      // the moment in UTC, as both engines read a TIMESTAMP: 2026-11-24 11:00:00
      row("measurements", id, m.measure(), i, m.value(), m.date(), m.referenceHigh(), m.at() == null ? null
          : java.time.LocalDateTime.ofInstant(m.at(), java.time.ZoneOffset.UTC).toString().replace('T', ' '),
          m.dateLatest(), m.exact() ? null : m.bound().code());
    }
    List<CodedObservation> os = f.codedObservations();
    for (int i = 0; i < os.size(); i++) {
      for (String c : os.get(i).valueConcepts()) row("coded_observations", id, os.get(i).measure(), i,
          os.get(i).date(), c, os.get(i).dateLatest());
      // an answer Eligo does not read: kept as the concept "unread" (a pregnancy status it leaves open)
      if (os.get(i).valueConcepts().isEmpty()) row("coded_observations", id, os.get(i).measure(), i,
          os.get(i).date(), "unread", os.get(i).dateLatest());
    }
    List<ConditionFact> cs = f.conditions();
    for (int i = 0; i < cs.size(); i++) {
      ConditionFact c = cs.get(i);
      row("conditions", id, i, c.status().name(), c.onset(), c.abatement(), c.confirmed(), c.onsetLatest(),
          c.abatementLatest(), c.recorded());
      for (String k : c.concepts()) row("condition_concepts", id, i, k);
    }
    List<MedicationExposure> meds = f.medications();
    for (int i = 0; i < meds.size(); i++) {
      MedicationExposure m = meds.get(i);
      // a dose given on a day (an administration): one of a course the evaluator reads from its doses (DECISIONS 97)
      row("medications", id, i, m.status().name(), m.start(), m.end(), m.local(), m.startLatest(), m.endLatest(),
          m.units(), m.source().resourceType().equals("MedicationAdministration"));
      for (String k : m.concepts()) row("medication_concepts", id, i, k);
    }
    List<ProcedureFact> ps = f.procedures();
    for (int i = 0; i < ps.size(); i++) {
      row("procedures", id, i, ps.get(i).date(), ps.get(i).dateLatest(), ps.get(i).units());
      for (String k : ps.get(i).concepts()) row("procedure_concepts", id, i, k);
    }
    List<ImmunizationFact> is = f.immunizations();
    for (int i = 0; i < is.size(); i++) {
      row("immunizations", id, i, is.get(i).date(), is.get(i).dateLatest());
      for (String k : is.get(i).concepts()) row("immunization_concepts", id, i, k);
    }
    List<AllergyFact> as = f.allergies();
    for (int i = 0; i < as.size(); i++) {
      row("allergies", id, i, as.get(i).anaphylaxis());
      for (String k : as.get(i).concepts()) row("allergy_concepts", id, i, k);
    }
    patients++;
  }

  private void row(String table, Object... values) throws IOException {
    BufferedWriter w = tables.get(table);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) w.write(',');
      Object v = values[i];
      if (v == null) continue;
      if (v instanceof Double d) w.write(Double.toString(d));
      else w.write(v.toString());
    }
    w.write('\n');
  }

  @Override
  public void close() throws IOException {
    for (BufferedWriter w : tables.values()) w.close();
  }
}
