package org.eligo.search.kit;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.core.trial.*;

/**
 * Test-only reader of ClinicalTrials.gov API v2 study JSON into {@link Trial}s (the ctgov module owns the real reader).
 * Maps each module onto its record by name; "class" is read as agencyClass and absent lists as empty.
 */
public final class StudyJson {

  private static final ObjectMapper MAPPER = mapper();

  private StudyJson() {}

  public static Trial read(Path file) {
    try {
      return read(MAPPER.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Every *.json study in a directory, sorted by file name. */
  public static List<Trial> readAll(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().map(StudyJson::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Trial read(JsonNode study) {
    renameClass(study);
    JsonNode p = study.path("protocolSection");
    JsonNode d = study.path("derivedSection");
    return new Trial(
        module(p, "identificationModule", Identification.class),
        module(p, "statusModule", StatusInfo.class),
        module(p, "sponsorCollaboratorsModule", Sponsors.class),
        module(p, "oversightModule", Oversight.class),
        module(p, "descriptionModule", Description.class),
        module(p, "conditionsModule", Conditions.class),
        module(p, "designModule", Design.class),
        module(p, "armsInterventionsModule", ArmsInterventions.class),
        module(p, "outcomesModule", Outcomes.class),
        module(p, "eligibilityModule", Eligibility.class),
        module(p, "contactsLocationsModule", ContactsLocations.class),
        module(p, "referencesModule", References.class),
        module(p, "ipdSharingStatementModule", IpdSharing.class),
        module(d, "conditionBrowseModule", BrowseModule.class),
        module(d, "interventionBrowseModule", BrowseModule.class),
        study.has("hasResults") ? study.get("hasResults").asBoolean() : null);
  }

  private static <T> T module(JsonNode section, String name, Class<T> type) {
    JsonNode node = section.get(name);
    if (node == null || node.isNull()) return null;
    try {
      return MAPPER.treeToValue(node, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot map " + name + ": " + e.getMessage(), e);
    }
  }

  private static void renameClass(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("class")) object.set("agencyClass", object.remove("class"));
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.forEach(n -> renameClass(object.get(n)));
    } else if (node.isArray()) {
      node.forEach(StudyJson::renameClass);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    SimpleModule dates = new SimpleModule();
    dates.addDeserializer(PartialDate.class, new StdDeserializer<>(PartialDate.class) {
      @Override
      public PartialDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return new PartialDate(parser.getValueAsString());
      }
    });
    mapper.registerModule(dates);
    return mapper;
  }

}
