package org.eligo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eligo.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eligo export NCT... [--out DIR]}: writes studies as ClinicalTrials.gov API v2 JSON. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Writes studies as ClinicalTrials.gov API v2 JSON, exactly as imported (fields Eligo does not use are kept).",
        "With --out, one NCTxxxxxxxx.json file per study; without it, one study (or an API page "
            + "{\"studies\":[...]} for several) on standard output, ready for 'eligo import'.",
        "",
        "Examples:",
        "  eligo export NCT02979873",
        "  eligo export NCT02979873 NCT06802055 --out exported/"},
    footer = {"", "Exit codes: 0 all exported; 2 a study is not in the registry (the others are still exported)."})
final class ExportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", split = Problems.NCT_LIST, splitSynopsisLabel = ",", paramLabel = "NCT_ID",
      description = "NCT numbers, e.g. NCT02979873.")
  List<String> nctIds;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory to write NCTxxxxxxxx.json files into.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, JsonNode> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    try (Registry registry = RegistryOptions.open(spec)) {
      for (String id : nctIds) {
        String nct = id.trim().toUpperCase(java.util.Locale.ROOT);
        Optional<String> doc = registry.document(nct);
        if (doc.isPresent()) found.put(nct, JSON.readTree(doc.get()));
        else missing.add(id);
      }
    }
    if (out != null && !found.isEmpty()) {
      // when none of them is there the error says so alone: "Exported 0 studies" above it read as done
      Files.createDirectories(out);
      for (Map.Entry<String, JsonNode> e : found.entrySet()) {
        Files.writeString(out.resolve(e.getKey() + ".json"), JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(e.getValue()) + "\n");
      }
      spec.commandLine().getOut().println("Exported " + found.size() + " stud" + (found.size() == 1 ? "y" : "ies")
          + " to " + out);
    } else if (!found.isEmpty()) {
      JsonNode payload;
      if (found.size() == 1) {
        payload = found.values().iterator().next();
      } else {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode studies = page.putArray("studies");
        found.values().forEach(studies::add);
        payload = page;
      }
      spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(payload));
    }
    for (String id : missing) err.println("eligo: " + Problems.notInRegistry(id));
    return missing.isEmpty() ? ExitCode.OK : ExitCode.UNUSABLE;
  }
}
