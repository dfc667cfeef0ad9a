package org.eligo.screening.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.eligo.fhir.bulk.BulkLineError;
import org.eligo.screening.bulk.LineTriage;

/**
 * The shared {@code Medication} resources of a bulk export ({@code Medication.ndjson}), by id. EHR exports often name
 * a drug only through {@code medicationReference: {"reference": "Medication/123"}}; the Medication lives in its own
 * file, outside any patient's lines. Screening looks those references up here, so such a prescription counts as the
 * drug it names. Holds each Medication's JSON line (a formulary, not a population: its size does not grow with the
 * number of patients). Immutable and thread-safe.
 */
public final class MedicationCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MedicationCatalog EMPTY = new MedicationCatalog(Map.of());

  private final Map<String, String> byId;

  private MedicationCatalog(Map<String, String> byId) {
    this.byId = Map.copyOf(byId);
  }

  /** No shared Medications: references stay unresolved, and the criteria they could answer stay open. */
  public static MedicationCatalog empty() {
    return EMPTY;
  }

  /** Reads Medication NDJSON files (gzipped when the name ends in {@code .gz}), reporting each unusable line. */
  public static MedicationCatalog read(List<Path> files, Consumer<BulkLineError> problems) {
    Builder builder = new Builder(problems);
    for (Path file : files) {
      try (InputStream raw = Files.newInputStream(file);
           InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
        builder.addAll(file.getFileName().toString(), in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return builder.build();
  }

  /** Collects Medication lines, reporting each unusable one. */
  public static final class Builder {
    private final Map<String, String> byId = new HashMap<>();
    private final Consumer<BulkLineError> problems;

    public Builder(Consumer<BulkLineError> problems) {
      this.problems = problems;
    }

    /** Adds one NDJSON line ({@code lineNumber} counts from 1) of file {@code file}. */
    public Builder add(String file, long lineNumber, String line) {
      if (line.isBlank()) return this;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        problems.accept(new BulkLineError(file, lineNumber, "not JSON: the line is not a JSON object"));
        return this;
      }
      if (node == null || !node.isObject()) {
        problems.accept(new BulkLineError(file, lineNumber, "not JSON: the line is not a JSON object"));
      } else if (!"Medication".equals(node.path("resourceType").asText())) {
        problems.accept(new BulkLineError(file, lineNumber, "not a Medication in a file of Medication resources"));
      } else if (!node.path("id").isTextual() || !LineTriage.validId(node.path("id").asText())) {
        problems.accept(new BulkLineError(file, lineNumber, "Medication has no valid id, so nothing can refer to it"));
      } else if (byId.putIfAbsent(node.path("id").asText(), line) != null) {
        problems.accept(new BulkLineError(file, lineNumber, "a second Medication with the same id; the first is used"));
      }
      return this;
    }

    /** Adds every line of a stream of NDJSON bytes. */
    public Builder addAll(String file, InputStream in) throws IOException {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      long n = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) add(file, ++n, line);
      return this;
    }

    public MedicationCatalog build() {
      return byId.isEmpty() ? EMPTY : new MedicationCatalog(byId);
    }
  }

  /**
   * The JSON of the Medication a reference names: {@code Medication/id}, an absolute URL ending so, with or without
   * {@code _history}. Empty for a contained reference ({@code #id}) or one to something else.
   */
  public Optional<String> json(String reference) {
    if (reference == null || byId.isEmpty()) return Optional.empty();
    String ref = reference;
    int history = ref.indexOf("/_history/");
    if (history >= 0) ref = ref.substring(0, history);
    int slash = ref.lastIndexOf('/');
    if (slash < 0 || !ref.substring(0, slash).endsWith("Medication")) return Optional.empty();
    return Optional.ofNullable(byId.get(ref.substring(slash + 1)));
  }

  public int size() {
    return byId.size();
  }

  /** The catalog as id to JSON line (to ship it to other machines). */
  public Map<String, String> asMap() {
    return byId;
  }

  /** A catalog from {@link #asMap()}. */
  public static MedicationCatalog of(Map<String, String> byId) {
    return byId.isEmpty() ? EMPTY : new MedicationCatalog(byId);
  }
}
