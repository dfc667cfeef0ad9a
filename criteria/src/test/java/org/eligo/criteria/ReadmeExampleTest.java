package org.eligo.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eligo.criteria.json.RuleFileReading;
import org.eligo.criteria.json.RuleSetJson;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.junit.jupiter.api.Test;

/** The curated-file example in README.md is a valid rule file, so the documentation cannot rot. */
class ReadmeExampleTest {
  @Test
  void theReadmeRuleFileExampleReadsCleanAgainstTheTerminology() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```json\n") + "```json\n".length();
    String json = readme.substring(start, readme.indexOf("```", start));
    RuleFileReading reading = RuleSetJson.checkedAgainst(TerminologyLexicon.bundled()).read(json);
    assertThat(reading.problems()).isEmpty();
    assertThat(reading.file().criteria().criteria()).hasSize(1);
  }
}
