package org.eligo.ctgov.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Opens study sources, detecting the kind of input: a directory, a ZIP archive, or a JSON file (study or page). */
public final class StudySources {

  private StudySources() {}

  /**
   * Opens {@code input} as a directory tree of {@code .json} files, a ZIP of study files (recognised by its
   * signature, whatever its name) or a JSON file (a study or an API page, recognised by a first character of
   * <code>{</code> or {@code [}).
   *
   * @throws UnusableInputException when the input does not exist, cannot be read, is empty, holds no study files, or
   *     is none of those kinds
   */
  public static StudySource open(Path input) throws UnusableInputException {
    if (!Files.exists(input)) throw new UnusableInputException("input does not exist: " + input);
    if (Files.isDirectory(input)) return directory(input);
    if (!Files.isRegularFile(input)) throw new UnusableInputException("input is not a file or a directory: " + input);
    byte[] head = head(input);
    if (head.length == 0) throw new UnusableInputException("input file is empty: " + input);
    if (isZipSignature(head)) return zip(input);
    int first = firstSignificantByte(head);
    if (first == -1 && head.length < 64) throw new UnusableInputException("input file holds only white space: " + input);
    if (first == '{' || first == '[') return jsonFile(input);
    throw new UnusableInputException("input is not a ZIP archive, a JSON file or a directory: " + input
        + " (it starts with \"" + printable(head) + "\")");
  }

  /** A directory tree of study or page files. */
  public static StudySource directory(Path dir) throws UnusableInputException {
    if (!Files.isDirectory(dir)) throw new UnusableInputException("not a directory: " + dir);
    if (!DirectoryStudySource.holdsJson(dir)) {
      throw new UnusableInputException("directory holds no .json files or .zip archives: " + dir);
    }
    return new DirectoryStudySource(dir);
  }

  /** A ZIP archive of study files, such as the registry's bulk download. */
  public static StudySource zip(Path archive) throws UnusableInputException {
    ZipFile zip;
    try {
      zip = new ZipFile(archive.toFile());
    } catch (ZipException e) {
      throw new UnusableInputException("not a readable ZIP archive: " + archive + " (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new UnusableInputException("cannot open ZIP archive: " + archive + " (" + e + ")", e);
    }
    if (zip.stream().noneMatch(ZipStudySource::isStudyEntry)) {
      try {
        zip.close();
      } catch (IOException ignored) {
        // closing after a failed check
      }
      throw new UnusableInputException("ZIP archive holds no .json entries: " + archive);
    }
    return new ZipStudySource(archive, zip);
  }

  /** One JSON file: a single study, or an API page {@code {"studies": [...], "nextPageToken": ...}}. */
  public static StudySource jsonFile(Path file) throws UnusableInputException {
    if (!Files.isRegularFile(file)) throw new UnusableInputException("not a file: " + file);
    return new JsonFileStudySource(file);
  }

  private static byte[] head(Path file) throws UnusableInputException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(64);
    } catch (IOException e) {
      throw new UnusableInputException("cannot read input: " + file + " (" + e + ")", e);
    }
  }

  private static boolean isZipSignature(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
  }

  /** The first byte after a UTF-8 byte order mark and white space, or -1. */
  private static int firstSignificantByte(byte[] head) {
    int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
        ? 3 : 0;
    for (; i < head.length; i++) {
      int b = head[i] & 0xFF;
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') return b;
    }
    return -1;
  }

  private static String printable(byte[] head) {
    String text = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1);
    return text.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
