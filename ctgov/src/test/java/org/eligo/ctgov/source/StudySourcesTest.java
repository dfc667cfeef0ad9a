package org.eligo.ctgov.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudySourcesTest {

  @TempDir Path dir;

  static String study(String nctId) {
    return "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + nctId + "\"}},\"hasResults\":false}";
  }

  static List<StudyRecord> readAll(Path input) throws UnusableInputException {
    try (StudySource source = StudySources.open(input); Stream<StudyRecord> records = source.records()) {
      return records.toList();
    }
  }

  static String nctId(StudyRecord record) {
    return ((RawStudy) record).json().at("/protocolSection/identificationModule/nctId").asText();
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void singleStudyFile() throws IOException {
    Path file = write("NCT00000001.json", study("NCT00000001"));

    List<StudyRecord> records = readAll(file);

    assertThat(records).singleElement().isInstanceOf(RawStudy.class);
    assertThat(records.getFirst().origin()).isEqualTo(Origin.of(file));
    assertThat(nctId(records.getFirst())).isEqualTo("NCT00000001");
  }

  @Test
  void apiPageYieldsEachStudyWithItsIndexAndLine() throws IOException {
    Path page = write("page.json", "{\"totalCount\": 3,\n\"studies\": [\n" + study("NCT00000001") + ",\n"
        + study("NCT00000002") + ",\n" + study("NCT00000003") + "\n],\n\"nextPageToken\": \"abc\"}");

    List<StudyRecord> records = readAll(page);

    assertThat(records).hasSize(3).allMatch(r -> r instanceof RawStudy);
    assertThat(records).extracting(StudySourcesTest::nctId)
        .containsExactly("NCT00000001", "NCT00000002", "NCT00000003");
    assertThat(records).extracting(r -> r.origin().index()).containsExactly(0, 1, 2);
    assertThat(records).extracting(r -> r.origin().line()).containsExactly(3, 4, 5);
  }

  @Test
  void pageElementOfTheWrongTypeIsAnErrorAndTheRestGoesOn() throws IOException {
    Path page = write("page.json", "{\"studies\":[" + study("NCT00000001") + ", \"NCT00000002\", [1], "
        + study("NCT00000004") + "]}");

    List<StudyRecord> records = readAll(page);

    assertThat(records).hasSize(4);
    assertThat(records.get(1)).isInstanceOfSatisfying(RawStudyError.class, e -> {
      assertThat(e.origin().index()).isEqualTo(1);
      assertThat(e.reason()).isEqualTo("expected a study object, found a string");
    });
    assertThat(records.get(2)).isInstanceOfSatisfying(RawStudyError.class,
        e -> assertThat(e.reason()).isEqualTo("expected a study object, found an array"));
    assertThat(nctId(records.get(3))).isEqualTo("NCT00000004");
  }

  @Test
  void truncatedPageDeliversWhatCameBeforeAndOneErrorWithLineAndColumn() throws IOException {
    String full = "{\"studies\":[\n" + study("NCT00000001") + ",\n" + study("NCT00000002") + "]}";
    Path page = write("page.json", full.substring(0, full.length() - 20));

    List<StudyRecord> records = readAll(page);

    assertThat(records).hasSize(2);
    assertThat(records.get(0)).isInstanceOf(RawStudy.class);
    assertThat(records.get(1)).isInstanceOfSatisfying(RawStudyError.class, e -> {
      assertThat(e.origin().index()).isEqualTo(1);
      assertThat(e.origin().line()).isEqualTo(3);
      assertThat(e.origin().column()).isNotNull();
      assertThat(e.reason()).startsWith("malformed JSON: Unexpected end-of-input")
          .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("StreamReadFeature");
    });
  }

  @Test
  void aSyntaxErrorInsideOneStudyOfAPageRejectsThatStudyAndTheStudiesAfterItAreRead() throws IOException {
    String broken = study("NCT00000002").replace("\"nctId\":", "\"nctId\" ");       // missing colon
    String alsoBroken = study("NCT00000005").replace("\"hasResults\":false", "\"hasResults\":fals"); // bad literal
    Path page = write("page.json", "{\"totalCount\": 6,\n\"studies\": [\n" + study("NCT00000001") + ",\n"
        + broken + ",\n" + study("NCT00000003") + ",\n" + study("NCT00000004") + ",\n" + alsoBroken + ",\n"
        + study("NCT00000006") + "\n],\n\"nextPageToken\": \"abc\"}");

    List<StudyRecord> records = readAll(page);

    assertThat(records).hasSize(6);
    assertThat(records).extracting(r -> r.origin().index()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(records).extracting(r -> r.origin().line()).containsExactly(3, 4, 5, 6, 7, 8);
    assertThat(records.get(1)).isInstanceOfSatisfying(RawStudyError.class,
        e -> assertThat(e.reason()).startsWith("malformed JSON"));
    assertThat(records.get(4)).isInstanceOf(RawStudyError.class);
    assertThat(List.of(records.get(0), records.get(2), records.get(3), records.get(5)))
        .extracting(StudySourcesTest::nctId).containsExactly("NCT00000001", "NCT00000003", "NCT00000004",
            "NCT00000006");
  }

  @Test
  void afterReadingOnPastBrokenStudiesLinesAndColumnsStillPointAtEachStudy() throws IOException {
    // minified, as the API writes pages: every study on line 1
    List<String> studies = List.of(study("NCT00000001"), study("NCT00000002").replace("\"nctId\":", "\"nctId\" "),
        study("NCT00000003"), study("NCT00000004").replace("\"nctId\":", "\"nctId\" "), study("NCT00000005"));
    String minified = "{\"studies\":[" + String.join(",", studies) + "]}";
    Path page = write("minified.json", minified);
    List<StudyRecord> records = readAll(page);
    assertThat(records).hasSize(5);
    for (int i : new int[] {2, 4}) {
      int expected = minified.indexOf(studies.get(i)) + 1;
      assertThat(records.get(i).origin().line()).isEqualTo(1);
      assertThat(records.get(i).origin().column()).as("column of studies[%d]", i).isEqualTo(expected);
    }
    // old Mac line ends (a lone \r) count as line breaks, as Jackson counts them
    String cr = "{\"studies\":[\r" + study("NCT00000001") + ",\r" + studies.get(1).replace(",\"hasResults\"",
        ",\r\"hasResults\"") + ",\r" + study("NCT00000003") + "\r]}";
    List<StudyRecord> crRecords = readAll(write("cr.json", cr));
    assertThat(crRecords).extracting(r -> r.origin().line()).containsExactly(2, 3, 5);
  }

  @Test
  void aBrokenLastStudyEndsThePageCleanly() throws IOException {
    Path page = write("page.json", "{\"studies\":[" + study("NCT00000001") + ","
        + study("NCT00000002").replace("\"nctId\":", "\"nctId\" ") + "]}");

    List<StudyRecord> records = readAll(page);

    assertThat(records).hasSize(2);
    assertThat(records.get(1)).isInstanceOf(RawStudyError.class);
  }

  @Test
  void whenTheNextStudyCannotBeFoundTheErrorSaysTheRestWasNotRead() throws IOException {
    Path page = write("page.json", "{\"studies\":[" + study("NCT00000001") + ","
        + study("NCT00000002").replace("\"nctId\":", "\"nctId\" ").replace("}}", "}") + "," + study("NCT00000003")
        + "]}");

    List<StudyRecord> records = readAll(page);

    assertThat(records).hasSize(2);
    assertThat(records.get(1)).isInstanceOfSatisfying(RawStudyError.class,
        e -> assertThat(e.reason()).contains("the rest of this file could not be read"));
  }

  @Test
  void pageIsReadLazily() throws IOException {
    Path page = write("page.json", "{\"studies\":[" + study("NCT00000001") + ", {\"broken\": ");

    try (StudySource source = StudySources.open(page)) {
      assertThat(source.records().findFirst()).get().isInstanceOf(RawStudy.class);
    }
  }

  @Test
  void truncatedStudyFileIsOneErrorRecord() throws IOException {
    Path file = write("bad.json", "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT0");

    assertThat(readAll(file)).singleElement().isInstanceOfSatisfying(RawStudyError.class, e -> {
      assertThat(e.origin().file()).isEqualTo(file);
      assertThat(e.origin().line()).isEqualTo(1);
      assertThat(e.reason()).startsWith("malformed JSON:");
    });
  }

  @Test
  void wrongTopLevelTypeIsOneErrorRecord() throws IOException {
    Path file = write("array.json", "[" + study("NCT00000001") + "]");

    assertThat(readAll(file)).singleElement().isInstanceOfSatisfying(RawStudyError.class, e -> assertThat(e.reason())
        .isEqualTo("expected a study object or an API page {\"studies\": [...]}, found an array"));
  }

  @Test
  void directoryIsWalkedRecursivelyInNameOrderReadingOnlyJson() throws IOException {
    write("b/NCT00000003.json", study("NCT00000003"));
    write("a/NCT00000002.json", study("NCT00000002"));
    write("a/nested/NCT00000001.json", study("NCT00000001"));
    write("NCT00000004.json", study("NCT00000004"));
    write("a/notes.txt", "not a study");
    write("a/truncated.json", "{\"protocolSection\":");
    Files.createSymbolicLink(dir.resolve("b/dangling.json"), dir.resolve("nowhere.json"));

    List<StudyRecord> records = readAll(dir);

    assertThat(records).extracting(r -> dir.relativize(r.origin().file()).toString()).containsExactly(
        "NCT00000004.json", "a/NCT00000002.json", "a/nested/NCT00000001.json", "a/truncated.json",
        "b/NCT00000003.json", "b/dangling.json");
    assertThat(records.get(3)).isInstanceOfSatisfying(RawStudyError.class,
        e -> assertThat(e.reason()).startsWith("malformed JSON"));
    assertThat(records.get(5)).isInstanceOfSatisfying(RawStudyError.class,
        e -> assertThat(e.reason()).startsWith("cannot read file: java.nio.file.NoSuchFileException"));
    assertThat(records).filteredOn(r -> r instanceof RawStudy).hasSize(4);
  }

  @Test
  void tenThousandFileDirectory() throws IOException {
    for (int i = 0; i < 10_000; i++) {
      String id = "NCT%08d".formatted(i);
      write("shard-%02d/%s.json".formatted(i / 1000, id), study(id));
    }

    long start = System.nanoTime();
    List<StudyRecord> records = readAll(dir);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("10,000-file directory streamed in " + millis + " ms");

    assertThat(records).hasSize(10_000).allMatch(r -> r instanceof RawStudy);
    assertThat(records.get(0).origin().file().getFileName().toString()).isEqualTo("NCT00000000.json");
    assertThat(nctId(records.get(9_999))).isEqualTo("NCT00009999");
    assertThat(records).extracting(StudySourcesTest::nctId).isSorted();
  }

  @Test
  void bulkZipIsReadEntryByEntryAndACorruptEntryIsAnErrorRecord() throws IOException {
    byte[] zip = zip("ctg-studies/", List.of("NCT00000001", "NCT00000002", "NCT00000003"));
    corruptCompressedData(zip, "ctg-studies/NCT00000002.json");
    Path archive = dir.resolve("ctg-studies.json.zip");
    Files.write(archive, zip);

    List<StudyRecord> records = readAll(archive);

    assertThat(records).hasSize(3);
    assertThat(records).extracting(r -> r.origin().entry()).containsExactly(
        "ctg-studies/NCT00000001.json", "ctg-studies/NCT00000002.json", "ctg-studies/NCT00000003.json");
    assertThat(nctId(records.get(0))).isEqualTo("NCT00000001");
    assertThat(records.get(1)).isInstanceOfSatisfying(RawStudyError.class, e -> {
      assertThat(e.reason()).contains("ZipException");
      assertThat(e.origin().toString()).isEqualTo(archive + "!/ctg-studies/NCT00000002.json");
    });
    assertThat(nctId(records.get(2))).isEqualTo("NCT00000003");
  }

  @Test
  void zipArchivesInsideADirectoryAreReadInTheirPlace() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("downloads"));
    Files.write(folder.resolve("b-bulk.zip"), zip("ctg-studies/", List.of("NCT00000002", "NCT00000003")));
    Files.writeString(folder.resolve("a.json"), study("NCT00000001"));
    Files.writeString(folder.resolve("c.json"), study("NCT00000004"));
    Files.writeString(folder.resolve("d-broken.zip"), "not a zip");

    List<StudyRecord> records = readAll(folder);

    assertThat(records).hasSize(5);
    assertThat(records.subList(0, 4)).extracting(StudySourcesTest::nctId)
        .containsExactly("NCT00000001", "NCT00000002", "NCT00000003", "NCT00000004");
    assertThat(records.get(1).origin().toString()).isEqualTo(folder.resolve("b-bulk.zip") + "!/ctg-studies/NCT00000002.json");
    assertThat(records.get(4)).isInstanceOfSatisfying(RawStudyError.class,
        e -> assertThat(e.reason()).contains("not a readable ZIP archive"));
  }

  @Test
  void zipWithoutFolderWorksToo() throws IOException {
    Path archive = Files.write(dir.resolve("studies.zip"), zip("", List.of("NCT00000001")));

    assertThat(readAll(archive)).extracting(StudySourcesTest::nctId).containsExactly("NCT00000001");
  }

  @Test
  void aSourceStreamsOnce() throws IOException {
    try (StudySource source = StudySources.open(write("one.json", study("NCT00000001")))) {
      source.records().toList();
      assertThatThrownBy(source::records).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void unusableInputsThrowWithAPreciseMessage() throws IOException {
    Path missing = dir.resolve("missing.zip");
    assertThatThrownBy(() -> StudySources.open(missing)).isInstanceOf(UnusableInputException.class)
        .hasMessage("input does not exist: " + missing);
    Path empty = write("empty.json", "");
    assertThatThrownBy(() -> StudySources.open(empty)).hasMessage("input file is empty: " + empty);
    Path text = write("notes.txt", "Hello, registry");
    assertThatThrownBy(() -> StudySources.open(text))
        .hasMessage("input is not a ZIP archive, a JSON file or a directory: " + text
            + " (it starts with \"Hello, registry\")");
    Path emptyDir = Files.createDirectories(dir.resolve("nothing/here"));
    assertThatThrownBy(() -> StudySources.open(emptyDir)).hasMessage("directory holds no .json files or .zip archives: " + emptyDir);
    Path noJson = Files.write(dir.resolve("docs.zip"), zipOf("readme.txt", "hello"));
    assertThatThrownBy(() -> StudySources.open(noJson)).hasMessage("ZIP archive holds no .json entries: " + noJson);
    byte[] truncated = zip("", List.of("NCT00000001"));
    Path brokenZip = Files.write(dir.resolve("broken.zip"), java.util.Arrays.copyOf(truncated, 40));
    assertThatThrownBy(() -> StudySources.open(brokenZip)).isInstanceOf(UnusableInputException.class)
        .hasMessageStartingWith("not a readable ZIP archive: " + brokenZip);
  }

  static byte[] zip(String folder, List<String> nctIds) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      if (!folder.isEmpty()) out.putNextEntry(new ZipEntry(folder));
      for (String id : nctIds) {
        out.putNextEntry(new ZipEntry(folder + id + ".json"));
        out.write(study(id).repeat(1).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] zipOf(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(name));
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /**
   * Overwrites the first byte of an entry's deflated data with 0xFF: a final block of the reserved type 3, which no
   * inflater accepts.
   */
  static void corruptCompressedData(byte[] zip, String entryName) {
    byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 30 + name.length < zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4
          && java.util.Arrays.equals(zip, i + 30, i + 30 + name.length, name, 0, name.length)) {
        int nameLength = (zip[i + 26] & 0xFF) | (zip[i + 27] & 0xFF) << 8;
        int extraLength = (zip[i + 28] & 0xFF) | (zip[i + 29] & 0xFF) << 8;
        zip[i + 30 + nameLength + extraLength] = (byte) 0xFF;
        return;
      }
    }
    throw new IllegalArgumentException("entry not found: " + entryName);
  }
}
