package org.eligo.ctgov.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The number of studies an import will read, told beforehand for a progress bar's total. */
class StudyCountTest {

  @TempDir
  Path dir;

  @Test
  void studyFilesAndZipEntriesAreCountedOtherFilesAreNot() throws IOException {
    Files.writeString(dir.resolve("NCT00000001.json"), "{\"protocolSection\":{}}");
    Files.createDirectories(dir.resolve("more"));
    Files.writeString(dir.resolve("more/NCT00000002.json"), "{\"protocolSection\":{}}");
    Files.writeString(dir.resolve("README.txt"), "not a study");
    try (OutputStream file = Files.newOutputStream(dir.resolve("more/bulk.zip"));
         ZipOutputStream zip = new ZipOutputStream(file)) {
      for (String name : List.of("NCT00000003.json", "NCT00000004.json", "__MACOSX/._NCT00000003.json", "notes.txt")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("{}".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    assertThat(StudyCount.expectedStudies(List.of(dir))).hasValue(4);
    assertThat(StudyCount.expectedStudies(List.of(dir.resolve("NCT00000001.json"), dir.resolve("more/bulk.zip"))))
        .hasValue(3);
  }

  @Test
  void anApiPageHoldsAnUnknownNumberSoTheTotalIsUnknown() throws IOException {
    Files.writeString(dir.resolve("NCT00000001.json"), "{\"protocolSection\":{}}");
    Files.writeString(dir.resolve("page.json"), "{\"studies\": [{}, {}], \"nextPageToken\": \"x\"}");
    assertThat(StudyCount.expectedStudies(List.of(dir))).isEmpty();
  }
}
