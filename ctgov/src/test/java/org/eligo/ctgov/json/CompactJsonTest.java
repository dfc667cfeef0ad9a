package org.eligo.ctgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void whiteSpaceBetweenTokensGoesAndStringsStayAsWritten() throws Exception {
    String pretty = "\uFEFF{\n  \"title\" : \"Sirolimus \\\"in\\\" \\\\ AA:  two  spaces,\\ttab ≥ 18 \\u00e9\",\r\n"
        + "\t\"ages\" : [ 18 , 75.0 ],\n  \"empty\" : { }, \"quote\\\\\" : \" } \"\n}\n";

    byte[] compact = CompactJson.of(pretty.getBytes(StandardCharsets.UTF_8));

    String text = new String(compact, StandardCharsets.UTF_8);
    assertThat(text).isEqualTo("{\"title\":\"Sirolimus \\\"in\\\" \\\\ AA:  two  spaces,\\ttab ≥ 18 \\u00e9\","
        + "\"ages\":[18,75.0],\"empty\":{},\"quote\\\\\":\" } \"}");
    assertThat(JSON.readTree(compact)).isEqualTo(JSON.readTree(pretty.substring(1)));
  }

  @Test
  void aDocumentWithNothingToDropIsTakenAsItIs() {
    byte[] compact = "{\"a\":\"two  spaces \\\" and\\n\",\"b\":[1,{}]}".getBytes(StandardCharsets.UTF_8);

    assertThat(CompactJson.of(compact)).isSameAs(compact);
  }

  @Test
  void agreesWithJacksonsCompactWriterOnPrettyPrintedDocuments() throws Exception {
    java.util.Random random = new java.util.Random(7);
    String[] pieces = {" ", "  ", "\"", "\\", "\n", "\t", "{", "}", "[", "]", ":", ",", "é", "≥", "a", "\u0001"};
    for (int doc = 0; doc < 200; doc++) {
      com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
      for (int field = 0; field < 1 + random.nextInt(6); field++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(12); k > 0; k--) text.append(pieces[random.nextInt(pieces.length)]);
        String name = "f" + field + pieces[random.nextInt(pieces.length)];
        switch (random.nextInt(3)) {
          case 0 -> root.put(name, text.toString());
          case 1 -> root.putArray(name).add(text.toString()).add(random.nextInt()).addObject().put(" ", text.toString());
          default -> root.putObject(name).put(text.toString(), random.nextDouble());
        }
      }
      byte[] pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);

      assertThat(new String(CompactJson.of(pretty), StandardCharsets.UTF_8))
          .isEqualTo(JSON.writeValueAsString(root));
    }
  }

  @Test
  void longStringsWithQuotesAndBackslashesAnywhereAreKeptWhole() throws Exception {
    // Strings are skipped eight bytes at a time: every position of an escaped quote, an escaped backslash and a
    // multi-byte character within and across those eight, in documents with and without white space.
    java.util.Random random = new java.util.Random(11);
    String[] pieces = {"a", "bc", "\"", "\\", "é", "≥", " ", "\n", "\u0001", "defghij"};
    for (int doc = 0; doc < 500; doc++) {
      com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
      for (int field = 0; field < 1 + random.nextInt(4); field++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(60); k > 0; k--) text.append(pieces[random.nextInt(pieces.length)]);
        root.putArray("f" + field + text.substring(0, Math.min(text.length(), random.nextInt(20))))
            .add(text.toString()).add(field);
      }
      String compact = JSON.writeValueAsString(root);
      byte[] compactBytes = compact.getBytes(StandardCharsets.UTF_8);

      assertThat(CompactJson.of(compactBytes)).as(compact).isSameAs(compactBytes);
      String spaced = compact.replace("[", " [ ").replace(",", ",\n ").replace("]", "\t]");
      assertThat(new String(CompactJson.of(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)),
          StandardCharsets.UTF_8)).as(compact).isEqualTo(compact);
      // no piece holds a bracket or a comma, so these replacements add white space between tokens only
      assertThat(new String(CompactJson.of(spaced.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
          .as(spaced).isEqualTo(compact);
    }
  }
}
