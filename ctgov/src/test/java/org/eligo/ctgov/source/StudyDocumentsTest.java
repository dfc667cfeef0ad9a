package org.eligo.ctgov.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.ctgov.source.StudySourcesTest.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a source document by document, as an import does on every core. */
class StudyDocumentsTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  @TempDir Path dir;

  /** Every document's records, each document read on a pool thread, in document order. */
  static List<StudyRecord> readByDocument(Path input) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (StudySource source = StudySources.open(input); Stream<StudyDocument> documents = source.documents()) {
      List<Future<List<StudyRecord>>> read = new ArrayList<>();
      documents.forEach(document -> read.add(pool.submit(() -> {
        List<StudyRecord> records = new ArrayList<>();
        document.records().forEachRemaining(records::add);
        return records;
      })));
      List<StudyRecord> all = new ArrayList<>();
      for (Future<List<StudyRecord>> f : read) all.addAll(f.get());
      return all;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void readingByDocumentGivesWhatReadingRecordByRecordGives() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("downloads"));
    Files.writeString(folder.resolve("a.json"), study("NCT00000001"));
    Files.write(folder.resolve("b-bulk.zip"), StudySourcesTest.zip("ctg-studies/", List.of("NCT00000002", "NCT00000003")));
    Files.writeString(folder.resolve("c-page.json"), "{\"studies\":[" + study("NCT00000004") + ",{\"broken\":}, "
        + study("NCT00000005") + "]}");
    Files.writeString(folder.resolve("d-truncated.json"), "{\"protocolSection\":{");
    Path bulk = dir.resolve("bulk.zip");
    byte[] zip = StudySourcesTest.zip("ctg-studies/", List.of("NCT00000006", "NCT00000007", "NCT00000008"));
    StudySourcesTest.corruptCompressedData(zip, "ctg-studies/NCT00000007.json");
    Files.write(bulk, zip);

    for (Path input : List.of(folder, bulk)) {
      List<StudyRecord> byRecord = StudySourcesTest.readAll(input);
      List<StudyRecord> byDocument = readByDocument(input);
      assertThat(byDocument).as(input.toString()).hasSameSizeAs(byRecord);
      for (int i = 0; i < byRecord.size(); i++) {
        StudyRecord expected = byRecord.get(i);
        StudyRecord actual = byDocument.get(i);
        assertThat(actual.origin()).isEqualTo(expected.origin());
        if (expected instanceof RawStudy raw) {
          assertThat(((RawStudy) actual).json()).isEqualTo(raw.json());
        } else {
          assertThat(((RawStudyError) actual).reason()).isEqualTo(((RawStudyError) expected).reason());
        }
      }
    }
  }

  @Test
  void aStudyComesWithTheBytesItWasReadFrom() throws Exception {
    String pretty = "{\n  \"protocolSection\" : {\"identificationModule\": {\"nctId\": \"NCT00000001\"}}\n}\n";
    Files.writeString(dir.resolve("a.json"), pretty);
    Files.writeString(dir.resolve("b-page.json"), "{\"studies\":[" + study("NCT00000002") + "]}");
    Files.writeString(dir.resolve("c-trailing.json"), study("NCT00000003") + " {\"more\":1}");
    Files.write(dir.resolve("d.zip"), StudySourcesTest.zip("", List.of("NCT00000004")));

    List<StudyRecord> records = readByDocument(dir);

    assertThat(records).hasSize(4).allMatch(RawStudy.class::isInstance);
    assertThat(new String(((RawStudy) records.get(0)).source(), StandardCharsets.UTF_8)).isEqualTo(pretty);
    assertThat(new String(((RawStudy) records.get(1)).source(), StandardCharsets.UTF_8)).as("a study of a page")
        .isEqualTo(study("NCT00000002"));
    assertThat(((RawStudy) records.get(2)).source()).as("something after the study").isNull();
    assertThat(new String(((RawStudy) records.get(3)).source(), StandardCharsets.UTF_8))
        .isEqualTo(study("NCT00000004"));
  }

  @Test
  void eachStudyOfAPageComesWithItsOwnBytesWhereverThePageBreaksItsLines() throws Exception {
    String first = "{\"protocolSection\" : {\"identificationModule\": {\"nctId\": \"NCT00000001\", \"x\": \"} {\\\"\"}}}";
    String second = "{\n    \"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000002\"}}\n  }";
    String third = "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000003\"},\"n\":[1.50, 2e3]}}";
    // a broken study between them: the studies after it are read by a parser that resumed after it
    Files.writeString(dir.resolve("page.json"), "{\"totalCount\": 4, \"studies\": [\n  " + first + ",\n  " + second
        + ",\n  {\"protocolSection\": {,}},\n  " + third + "\n], \"nextPageToken\": \"x\"}");
    // larger than what is read whole: the page is read as a stream
    StringBuilder big = new StringBuilder("{\"studies\":[");
    for (int i = 0; i < 3000; i++) {
      big.append(i == 0 ? "" : ",").append(String.format("{\"protocolSection\": {\"identificationModule\": "
          + "{\"nctId\": \"NCT%08d\"}, \"descriptionModule\": {\"briefSummary\": \"%s\"}}}", i + 10, "x ".repeat(200)));
    }
    Files.writeString(dir.resolve("stream-page.json"), big.append("]}").toString());

    List<StudyRecord> records = readByDocument(dir);

    assertThat(records).hasSize(3004);
    assertThat(records.get(0)).isInstanceOf(RawStudy.class);
    assertThat(new String(((RawStudy) records.get(0)).source(), StandardCharsets.UTF_8)).isEqualTo(first);
    assertThat(new String(((RawStudy) records.get(1)).source(), StandardCharsets.UTF_8)).isEqualTo(second);
    assertThat(records.get(2)).isInstanceOf(RawStudyError.class);
    assertThat(new String(((RawStudy) records.get(3)).source(), StandardCharsets.UTF_8)).isEqualTo(third);
    for (StudyRecord record : records.subList(4, records.size())) {
      RawStudy raw = (RawStudy) record;
      assertThat(JSON.readTree(raw.source())).as(raw.origin().toString()).isEqualTo(raw.json());
    }
  }

  @Test
  void aStudyFileInUtf16OrUtf32WithAByteOrderMarkComesWithoutItsBytes() throws Exception {
    String json = "{\n  \"protocolSection\" : {\"identificationModule\": {\"nctId\": \"NCT00000001\"}}\n}\n";
    Files.write(dir.resolve("a-utf16be.json"), bom(json, "UTF-16BE", 0xFE, 0xFF));
    Files.write(dir.resolve("b-utf16le.json"), bom(json, "UTF-16LE", 0xFF, 0xFE));
    Files.write(dir.resolve("c-utf32le.json"), bom(json, "UTF-32LE", 0xFF, 0xFE, 0, 0));

    List<StudyRecord> records = readByDocument(dir);

    assertThat(records).hasSize(3).allMatch(RawStudy.class::isInstance);
    for (StudyRecord record : records) {
      assertThat(((RawStudy) record).json().at("/protocolSection/identificationModule/nctId").asText())
          .isEqualTo("NCT00000001");
      // not UTF-8: the stored document must be the parsed tree written out, not these bytes
      assertThat(((RawStudy) record).source()).as(record.origin().toString()).isNull();
    }
  }

  private static byte[] bom(String json, String charset, int... mark) {
    byte[] text = json.getBytes(java.nio.charset.Charset.forName(charset));
    byte[] all = new byte[mark.length + text.length];
    for (int i = 0; i < mark.length; i++) all[i] = (byte) mark[i];
    System.arraycopy(text, 0, all, mark.length, text.length);
    return all;
  }

  @Test
  void aLargeDocumentIsOneOfUnknownOrLargeSizeSoThatItsRecordsStream() throws IOException {
    StringBuilder page = new StringBuilder("{\"studies\":[");
    for (int i = 0; i < 15000; i++) page.append(i == 0 ? "" : ",").append(study(String.format("NCT%08d", i)));
    Path file = Files.writeString(dir.resolve("page.json"), page.append("]}"));
    try (StudySource source = StudySources.open(file); Stream<StudyDocument> documents = source.documents()) {
      List<StudyDocument> all = documents.toList();
      assertThat(all).hasSize(1);
      assertThat(all.getFirst().size()).isGreaterThan(JsonFileStudySource.READ_WHOLE);
    }
  }
}
