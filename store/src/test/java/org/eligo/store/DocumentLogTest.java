package org.eligo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLogTest {

  @TempDir
  Path tempDir;

  @Test
  void documentsAreReadBackWhereTheyWereAppendedAlsoAfterReopening() throws Exception {
    DocumentLog.Ref first;
    DocumentLog.Ref second;
    try (DocumentLog log = DocumentLog.open(tempDir.resolve("documents"))) {
      first = log.append(bytes("{\"a\":\"é 中\"}"));
      second = log.append(bytes("{\"b\":2}"));
      log.force();
      assertThat(text(log.read(second))).isEqualTo("{\"b\":2}");
    }
    try (DocumentLog log = DocumentLog.open(tempDir.resolve("documents"))) {
      assertThat(text(log.read(first))).isEqualTo("{\"a\":\"é 中\"}");
      DocumentLog.Ref third = log.append(bytes("{\"c\":3}"));
      assertThat(third.offset()).isGreaterThan(second.offset());
      assertThat(text(log.read(third))).isEqualTo("{\"c\":3}");
    }
    // a JSON Lines file a person can read
    assertThat(Files.readAllLines(tempDir.resolve("documents/1.jsonl")))
        .containsExactly("{\"a\":\"é 中\"}", "{\"b\":2}", "{\"c\":3}");
  }

  @Test
  void aLineACrashCutShortIsCutOffAndTheNextDocumentStartsOnItsOwnLine() throws Exception {
    DocumentLog.Ref kept;
    try (DocumentLog log = DocumentLog.open(tempDir)) {
      kept = log.append(bytes("{\"a\":1}"));
      log.force();
    }
    // a crash while appending the next document: part of it reached the file, no line break, no row points to it
    Files.write(tempDir.resolve("1.jsonl"), bytes("{\"b\":[1,2"), java.nio.file.StandardOpenOption.APPEND);

    try (DocumentLog log = DocumentLog.open(tempDir)) {
      assertThat(log.size()).isEqualTo(kept.length() + 1);
      DocumentLog.Ref next = log.append(bytes("{\"c\":3}"));
      assertThat(text(log.read(next))).isEqualTo("{\"c\":3}");
      assertThat(text(log.read(kept))).isEqualTo("{\"a\":1}");
    }
    assertThat(Files.readAllLines(tempDir.resolve("1.jsonl"))).containsExactly("{\"a\":1}", "{\"c\":3}");
  }

  @Test
  void aFileWithNoWholeLineIsEmptiedOnOpen() throws Exception {
    Files.write(tempDir.resolve("1.jsonl"), bytes("{\"partial\":"));
    try (DocumentLog log = DocumentLog.open(tempDir)) {
      assertThat(log.size()).isZero();
    }
  }

  @Test
  void aDocumentWithLineBreaksIsStoredOnOneLineAndEveryLineIsADocument() throws Exception {
    DocumentLog.Ref pretty;
    DocumentLog.Ref next;
    try (DocumentLog log = DocumentLog.open(tempDir)) {
      pretty = log.append(bytes("{\r\n  \"a\": 1\n}"));
      next = log.append(bytes("{\"b\":2}"));
      assertThat(new String(log.read(pretty), StandardCharsets.UTF_8)).isEqualTo("{    \"a\": 1 }");
    }
    assertThat(Files.readAllLines(tempDir.resolve("1.jsonl"))).containsExactly("{    \"a\": 1 }", "{\"b\":2}");
    try (DocumentLog log = DocumentLog.open(tempDir)) {
      assertThat(new String(log.read(next), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
    }
  }

  @Test
  void documentsAppendedTogetherAreEachFoundWhereTheirReferenceSays() {
    List<byte[]> documents = new ArrayList<>();
    for (int i = 0; i < 3000; i++) documents.add(bytes("{\"n\":" + i + ",\"text\":\"" + "x".repeat(i % 97) + "\"}"));
    try (DocumentLog log = DocumentLog.open(tempDir)) {
      DocumentLog.Ref before = log.append(bytes("{\"first\":true}"));
      List<DocumentLog.Ref> refs = log.appendAll(documents);
      DocumentLog.Ref after = log.append(bytes("{\"last\":true}"));
      assertThat(refs).hasSize(3000);
      for (int i = 0; i < refs.size(); i++) {
        assertThat(log.read(refs.get(i))).as("document %d", i).isEqualTo(documents.get(i));
      }
      assertThat(new String(log.read(before), StandardCharsets.UTF_8)).isEqualTo("{\"first\":true}");
      assertThat(new String(log.read(after), StandardCharsets.UTF_8)).isEqualTo("{\"last\":true}");
    }
  }

  @Test
  void aReferenceBeyondTheFileSaysTheDataDirectoryIsIncomplete() throws Exception {
    DocumentLog.Ref ref;
    try (DocumentLog log = DocumentLog.open(tempDir)) {
      ref = log.append(bytes("{\"a\":1}"));
    }
    Files.delete(tempDir.resolve("1.jsonl"));
    try (DocumentLog log = DocumentLog.open(tempDir)) {
      assertThatThrownBy(() -> log.read(ref)).hasMessageContaining("data directory is incomplete");
    }
  }

  @Test
  void aThreadInterruptedWhileUsingTheLogDoesNotCloseItForEveryoneElse() throws Exception {
    try (DocumentLog log = DocumentLog.open(tempDir)) {
      DocumentLog.Ref ref = log.append(bytes("{\"a\":1}"));
      Thread.currentThread().interrupt(); // e.g. an import or a request that was cancelled
      try {
        log.read(ref);
      } catch (RuntimeException expected) {
        // the interrupted thread may be told so
      } finally {
        Thread.interrupted();
      }
      Thread.currentThread().interrupt();
      try {
        log.append(bytes("{\"b\":2}"));
      } catch (RuntimeException expected) {
        // likewise
      } finally {
        Thread.interrupted();
      }

      Thread other = new Thread(() -> {
        assertThat(text(log.read(ref))).isEqualTo("{\"a\":1}");
        DocumentLog.Ref c = log.append(bytes("{\"c\":3}"));
        assertThat(text(log.read(c))).isEqualTo("{\"c\":3}");
        log.force();
      });
      java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
      other.setUncaughtExceptionHandler((t, e) -> failed.set(e));
      other.start();
      other.join();
      assertThat(failed.get()).as("the log after another thread was interrupted").isNull();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
