package org.eligo.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eligo.registry.RegistryImportTestStudies;
import org.eligo.store.imports.ImportRunRepository;
import org.eligo.store.trial.TrialRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import whose storing fails part-way leaves no thread running and no input open behind it. */
class ImportFailureTest {

  @TempDir
  Path dir;

  @Test
  void whenStoringFailsTheReadingThreadEndsAndClosesItsInput() throws Exception {
    Path zip = dir.resolve("bulk.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 30_000; i++) {
        String nct = String.format("NCT03%06d", i);
        out.putNextEntry(new ZipEntry(nct + ".json"));
        out.write(RegistryImportTestStudies.study(nct).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    TrialRepository failing = (TrialRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {TrialRepository.class}, (proxy, method, args) -> {
          throw new IllegalStateException("the database went away");
        });
    ImportRunRepository runs = (ImportRunRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ImportRunRepository.class}, (proxy, method, args) -> {
          throw new AssertionError("not reached");
        });
    ImportService importer = new ImportService(failing, runs);

    for (int attempt = 0; attempt < 5; attempt++) {
      assertThatThrownBy(() -> importer.importPaths(List.of(zip), null, ImportListener.NONE))
          .hasMessageContaining("the database went away");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (readingThreads() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
      assertThat(readingThreads()).as("reading threads left after failed import " + (attempt + 1) + ": " + stacks())
          .isZero();
    }
  }

  @Test
  void whenStoringFailsALargeFileBeingReadIsClosed() throws Exception {
    StringBuilder page = new StringBuilder("{\"studies\":[");
    for (int i = 0; i < 20_000; i++) {
      page.append(i == 0 ? "" : ",").append(RegistryImportTestStudies.study(String.format("NCT04%06d", i)));
    }
    Path file = Files.writeString(dir.resolve("page.json"), page.append("]}"));
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Files.copy(file, folder.resolve("page.json"));
    ImportService importer = new ImportService(failing(), notReached());

    for (Path input : List.of(file, folder)) {
      assertThatThrownBy(() -> importer.importPaths(List.of(input), null, ImportListener.NONE))
          .hasMessageContaining("the database went away");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (readingThreads() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
      assertThat(readingThreads()).isZero();
      assertThat(openFiles()).as("files left open after importing " + input).noneMatch(f -> f.endsWith("page.json"));
    }
  }

  private static TrialRepository failing() {
    return (TrialRepository) Proxy.newProxyInstance(ImportFailureTest.class.getClassLoader(),
        new Class<?>[] {TrialRepository.class}, (proxy, method, args) -> {
          throw new IllegalStateException("the database went away");
        });
  }

  private static ImportRunRepository notReached() {
    return (ImportRunRepository) Proxy.newProxyInstance(ImportFailureTest.class.getClassLoader(),
        new Class<?>[] {ImportRunRepository.class}, (proxy, method, args) -> {
          throw new AssertionError("not reached");
        });
  }

  /** What this process's file descriptors point to (Linux). */
  private static List<String> openFiles() throws IOException {
    List<String> open = new java.util.ArrayList<>();
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          open.add(Files.readSymbolicLink(fd).toString());
        } catch (IOException gone) {
          // closed meanwhile
        }
      }
    }
    return open;
  }

  private static String stacks() {
    StringBuilder text = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, stack) -> {
      if (!t.getName().startsWith("eligo-import-")) return;
      text.append('\n').append(t.getName());
      for (StackTraceElement e : stack) text.append("\n  at ").append(e);
    });
    return text.toString();
  }

  private static long readingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("eligo-import-") && t.isAlive()).count();
  }
}
