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
}
