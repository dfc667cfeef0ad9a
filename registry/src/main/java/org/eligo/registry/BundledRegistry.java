package org.eligo.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eligo.ctgov.source.Origin;
import org.eligo.ctgov.source.RawStudy;

/**
 * The registry Eligo ships with: the four seed sirolimus trials, the development trials and published evidence,
 * read from the class path ({@code org/eligo/registry/bundled/}) whether Eligo runs from classes or from a jar.
 */
public final class BundledRegistry {
  static final String ROOT = "/org/eligo/registry/bundled/";

  /** One bundled file: its name and content. */
  public record BundledFile(String name, byte[] content) {}

  private BundledRegistry() {}

  /** The bundled study documents, by file name. */
  public static List<BundledFile> studies() {
    return files("studies");
  }

  /** The bundled evidence documents, by file name. */
  public static List<BundledFile> evidence() {
    return files("evidence");
  }

  /** The studies as records ready for import. */
  public static List<RawStudy> studyRecords() {
    List<RawStudy> records = new ArrayList<>();
    for (BundledFile f : studies()) {
      try {
        JsonNode json = TrialDocuments.JSON.readTree(f.content());
        records.add(new RawStudy(Origin.of(Path.of("bundled", f.name())), json));
      } catch (IOException e) {
        throw new IllegalStateException("bundled study " + f.name() + " is not JSON: " + e.getMessage(), e);
      }
    }
    return records;
  }

  /** A short fingerprint of everything bundled, so a new release's bundle is loaded once. */
  public static String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String kind : List.of("studies", "evidence")) {
        for (BundledFile f : files(kind)) {
          sha.update(f.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          sha.update(f.content());
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<BundledFile> files(String kind) {
    URL url = BundledRegistry.class.getResource(ROOT + kind);
    if (url == null) return List.of();
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return read(fs.provider().getPath(uri));
      }
      return read(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the bundled " + kind + ": " + e.getMessage(), e);
    }
  }

  private static List<BundledFile> read(Path dir) throws IOException {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
          .map(p -> new BundledFile(p.getFileName().toString(), readAll(p))).toList();
    }
  }

  private static byte[] readAll(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
