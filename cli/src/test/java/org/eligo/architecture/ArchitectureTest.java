package org.eligo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module map, enforced: dependencies point one way (adapters around a pure core), core imports nothing but the
 * JDK, and every package says what it owns in a package-info.java. Fails naming the offending file.
 */
class ArchitectureTest {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** Which Eligo modules each module's main code may use. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("core", Set.of()),
      Map.entry("terminology", Set.of("core")),
      Map.entry("ctgov", Set.of("core")),
      Map.entry("store", Set.of("core")),
      Map.entry("search", Set.of("core")),
      Map.entry("criteria", Set.of("core", "terminology")),
      Map.entry("fhir", Set.of("core", "terminology")),
      Map.entry("screening", Set.of("core", "terminology", "criteria", "fhir")),
      Map.entry("referral", Set.of("core", "store")),
      Map.entry("registry", Set.of("core", "terminology", "criteria", "ctgov", "fhir", "store", "search")),
      Map.entry("server", Set.of("core", "terminology", "criteria", "ctgov", "fhir", "store", "search", "registry",
          "referral")),
      Map.entry("cli", Set.of("core", "terminology", "criteria", "ctgov", "fhir", "store", "search", "registry",
          "server", "screening", "referral")),
      Map.entry("benchmarks", Set.of("core", "terminology", "criteria", "ctgov", "fhir")),
      Map.entry("spark", Set.of("core", "terminology", "criteria", "fhir", "screening")));

  static final Pattern ELIGO_IMPORT = Pattern.compile("^import (?:static )?org\\.eligo\\.(\\w+)\\.", Pattern.MULTILINE);
  static final Pattern ANY_IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
  static final Pattern POM_DEPENDENCY = Pattern.compile("<artifactId>eligo-(\\w+)</artifactId>");
  static final Pattern DEPENDENCY_BLOCK = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL);

  @Test
  void mainCodeOnlyUsesModulesBelowIt() {
    List<String> violations = new ArrayList<>();
    for (String module : modules()) {
      Set<String> allowed = ALLOWED.get(module);
      assertThat(allowed).as("module %s is missing from ArchitectureTest.ALLOWED", module).isNotNull();
      for (Path file : javaFiles(module)) {
        Matcher m = ELIGO_IMPORT.matcher(read(file));
        while (m.find()) {
          String used = m.group(1);
          if (!used.equals(module) && !allowed.contains(used)) {
            violations.add(ROOT.relativize(file) + " uses module '" + used + "'");
          }
        }
      }
    }
    assertThat(violations).as("dependencies pointing the wrong way").isEmpty();
  }

  /** Main-scope dependencies only: a test may borrow another module's fixtures without the product depending on it. */
  @Test
  void pomDependenciesPointTheSameWay() {
    List<String> violations = new ArrayList<>();
    for (String module : modules()) {
      String pom = read(ROOT.resolve(module).resolve("pom.xml"));
      String dependencies = pom.contains("<dependencies>")
          ? pom.substring(pom.indexOf("<dependencies>")) : "";
      Matcher block = DEPENDENCY_BLOCK.matcher(dependencies);
      while (block.find()) {
        if (block.group().contains("<scope>test</scope>")) continue;
        Matcher m = POM_DEPENDENCY.matcher(block.group());
        if (!m.find()) continue;
        String used = m.group(1);
        if (!used.equals(module) && !ALLOWED.get(module).contains(used)) {
          violations.add(module + "/pom.xml depends on eligo-" + used);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void coreIsPureJava() {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles("core")) {
      Matcher m = ANY_IMPORT.matcher(read(file));
      while (m.find()) {
        String imported = m.group(1);
        if (!imported.startsWith("java.") && !imported.startsWith("org.eligo.core.")) {
          violations.add(ROOT.relativize(file) + " imports " + imported);
        }
      }
    }
    assertThat(violations).as("core must not depend on libraries or frameworks").isEmpty();
  }

  @Test
  void everyPackageSaysWhatItOwns() {
    Set<String> missing = new TreeSet<>();
    for (String module : modules()) {
      for (Path file : javaFiles(module)) {
        Path dir = file.getParent();
        if (!Files.exists(dir.resolve("package-info.java"))) missing.add(ROOT.relativize(dir).toString());
      }
    }
    assertThat(missing).as("packages without package-info.java").isEmpty();
  }

  static List<String> modules() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(d -> Files.exists(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("src")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> javaFiles(String module) {
    Path main = ROOT.resolve(module).resolve("src/main/java");
    if (!Files.isDirectory(main)) return List.of();
    try (Stream<Path> files = Files.walk(main)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
