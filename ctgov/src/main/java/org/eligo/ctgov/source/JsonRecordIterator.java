package org.eligo.ctgov.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The records of one JSON document read with Jackson's streaming parser: a single study, or an API page whose
 * {@code studies} are parsed one at a time so memory stays flat in the page size.
 *
 * <p>A document is a page when its first field is {@code studies}, {@code nextPageToken} or {@code totalCount} (the
 * API's page fields); any other object is one study. A syntax error inside one study of a page gives a
 * {@link RawStudyError} for that study at the parser's line and column, and reading goes on with the next study (its
 * end is found by counting brackets, {@link RecordBoundary}). A syntax error that leaves no way to tell where the
 * next study starts (truncation, unbalanced brackets) ends the document with one error that says so: what came
 * before it has been delivered already.
 */
final class JsonRecordIterator implements Iterator<StudyRecord>, Closeable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PAGE_FIELDS = Set.of("studies", "nextPageToken", "totalCount");

  private enum State { START, PAGE_FIELDS, IN_STUDIES, DONE }

  private final InputStream input;
  private final RecordingInput recording;
  private final Origin origin;
  /** The whole document, when it was read into memory first; else null. */
  private final byte[] whole;
  private JsonParser parser;
  /** Absolute input offset of the current parser's offset 0; line number before its line 1. */
  private long base;
  private int lineOffset;
  /** Added to the columns of the current parser's line 1 (the line it resumed on); 0 before any resume. */
  private int columnOffset;
  /** Absolute offset and line of the study being read from a page, -1 between studies. */
  private long studyStart = -1;
  private int studyLine;
  private int studyColumn;
  private boolean resumed;
  private State state = State.START;
  private StudyRecord next;
  private int index;

  JsonRecordIterator(InputStream input, Origin origin) {
    this.input = input;
    this.recording = new RecordingInput(input);
    this.origin = origin;
    this.whole = null;
  }

  /** A document read whole into memory (a small file or ZIP entry). */
  JsonRecordIterator(byte[] document, Origin origin) {
    this.recording = new RecordingInput(document);
    this.input = recording;
    this.origin = origin;
    this.whole = document;
  }

  @Override
  public boolean hasNext() {
    while (next == null && state != State.DONE) {
      step();
    }
    if (next == null) close();
    return next != null;
  }

  @Override
  public StudyRecord next() {
    if (!hasNext()) throw new NoSuchElementException();
    StudyRecord record = next;
    next = null;
    return record;
  }

  private void step() {
    try {
      switch (state) {
        case START -> start();
        case PAGE_FIELDS -> pageField(parser.nextToken());
        case IN_STUDIES -> study();
        case DONE -> { }
      }
    } catch (JsonProcessingException e) {
      Origin where = at(state == State.IN_STUDIES ? origin.index(index) : origin, e.getLocation());
      String reason = "malformed JSON: " + syntaxError(e);
      if (state == State.IN_STUDIES && studyStart >= 0) {
        try {
          if (resume()) {
            next = new RawStudyError(where, reason);
            return;
          }
        } catch (IOException | RuntimeException again) {
          // cannot look further: reported below
        }
      }
      fail(where, reason + (state == State.IN_STUDIES ? "; the rest of this file could not be read (no study "
          + "after this point was imported)" : ""));
    } catch (IOException | RuntimeException e) {
      Origin where = state == State.IN_STUDIES ? origin.index(index) : origin;
      fail(where, "cannot read: " + e);
    }
  }

  private void start() throws IOException {
    parser = whole != null ? JSON.createParser(whole) : JSON.createParser(recording);
    JsonToken token = parser.nextToken();
    if (token == null) {
      fail(origin, "empty document");
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      fail(origin.at(parser.currentTokenLocation()),
          "expected a study object or an API page {\"studies\": [...]}, found " + describe(token));
      return;
    }
    token = parser.nextToken();
    if (token == JsonToken.FIELD_NAME && PAGE_FIELDS.contains(parser.currentName())) {
      state = State.PAGE_FIELDS;
      pageField(token);
      return;
    }
    ObjectNode study = JSON.createObjectNode();
    while (token == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      study.set(name, JSON.readTree(parser));
      token = parser.nextToken();
    }
    if (token != JsonToken.END_OBJECT) {
      fail(origin.at(parser.currentTokenLocation()), "malformed JSON: unexpected " + describe(token));
      return;
    }
    deliver(new RawStudy(origin, study, wholeIfOnlyThisStudy()));
  }

  /** The document's bytes when they are UTF-8 and hold this study and nothing after it; else null. */
  private byte[] wholeIfOnlyThisStudy() {
    if (whole == null || whole.length < 2 || whole[0] == 0 || whole[1] == 0) return null; // not UTF-8
    if ((whole[0] & 0xFF) >= 0xFE) return null; // a UTF-16 or UTF-32 byte order mark (never in UTF-8)
    try {
      return parser.nextToken() == null ? whole : null;
    } catch (IOException e) {
      return null; // something after the study: the parsed tree is what counts
    }
  }

  /**
   * The UTF-8 bytes of the study of a page just read, from its opening brace at {@code start} to its closing one, so
   * that it is stored as written, like a study file (the same study from a file and from a page then holds the same
   * document and content hash); null when they cannot be told (input not in UTF-8).
   */
  private byte[] sourceOfStudy(long start) {
    long end = parser.currentLocation().getByteOffset();
    if (end < 0 || !(parser instanceof com.fasterxml.jackson.core.json.UTF8StreamJsonParser)) return null;
    byte[] bytes = recording.kept(start, base + end);
    return bytes != null && bytes.length >= 2 && bytes[0] == '{' && bytes[bytes.length - 1] == '}' ? bytes : null;
  }

  private void pageField(JsonToken token) throws IOException {
    if (token == JsonToken.END_OBJECT || token == null) {
      state = State.DONE;
      close();
      return;
    }
    String name = parser.currentName();
    JsonToken value = parser.nextToken();
    if ("studies".equals(name)) {
      if (value == JsonToken.START_ARRAY) {
        state = State.IN_STUDIES;
      } else {
        fail(origin.at(parser.currentTokenLocation()), "expected \"studies\" to be an array, found " + describe(value));
      }
      return;
    }
    parser.skipChildren();
  }

  private void study() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_ARRAY) {
      // After reading on past a broken study, the parser sees the studies alone: the page fields after them are
      // skipped (they carry nothing Eligo imports).
      state = resumed ? State.DONE : State.PAGE_FIELDS;
      return;
    }
    Origin where = at(origin.index(index), parser.currentTokenLocation());
    if (token == JsonToken.START_OBJECT) {
      studyStart = base + parser.currentTokenLocation().getByteOffset();
      Origin at = at(origin, parser.currentTokenLocation());
      studyLine = at.line() == null ? lineOffset + 1 : at.line();
      studyColumn = at.column() == null ? 1 : at.column();
      recording.discardBefore(studyStart);
      JsonNode study = JSON.readTree(parser);
      byte[] source = sourceOfStudy(studyStart);
      studyStart = -1;
      index++;
      deliver(new RawStudy(where, study, source));
    } else {
      parser.skipChildren();
      index++;
      deliver(new RawStudyError(where, "expected a study object, found " + describe(token)));
    }
  }

  /**
   * After a syntax error inside the study that began at {@link #studyStart}: finds where that study ends and goes on
   * with a fresh parser from the next one. False when its end cannot be told.
   */
  private boolean resume() throws IOException {
    long start = studyStart;
    RecordBoundary.Found found = RecordBoundary.scan(
        new java.io.SequenceInputStream(recording.keptStream(start), recording), start);
    if (found.after() == RecordBoundary.After.UNKNOWN) return false;
    index++;
    studyStart = -1;
    if (found.after() == RecordBoundary.After.END_OF_ARRAY) {
      state = State.DONE;
      return true;
    }
    InputStream unread = recording.keptStream(found.resumeAt());
    recording.discardBefore(found.resumeAt());
    lineOffset = studyLine + found.newlines() - 1;
    // 0-based column of the first byte after the comma; the "[" put in front below is the new parser's column 1
    int resumeColumn = found.column() >= 0 ? found.column() : studyColumn - 1 + (int) (found.resumeAt() - start);
    columnOffset = resumeColumn - 1;
    base = found.resumeAt() - 1; // the "[" put in front below stands at the new parser's offset 0
    parser = JSON.createParser(new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
        new java.io.ByteArrayInputStream(new byte[] {'['}), unread, recording))));
    if (parser.nextToken() != JsonToken.START_ARRAY) return false;
    resumed = true;
    return true;
  }

  /** {@code where} at the parser's location, its line counted from the start of the document. */
  private Origin at(Origin where, com.fasterxml.jackson.core.JsonLocation location) {
    if (location == null || location.getLineNr() < 1) return where;
    int column = location.getLineNr() == 1 && location.getColumnNr() > 0 ? location.getColumnNr() + columnOffset
        : location.getColumnNr();
    return new Origin(where.file(), where.entry(), where.index(), lineOffset + location.getLineNr(), column);
  }

  private void deliver(StudyRecord record) {
    next = record;
    if (state == State.START) {
      state = State.DONE;
      close();
    }
  }

  private void fail(Origin where, String reason) {
    next = new RawStudyError(where, reason);
    state = State.DONE;
    close();
  }

  /** Jackson's message without its notes on where it reads from ("[Source: REDACTED (...); line: 7, column: 3]"). */
  static String syntaxError(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    return m.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
        .replaceAll("\\s*\\[Source: [^\\]]*\\]", "");
  }

  static String describe(JsonToken token) {
    if (token == null) return "the end of the input";
    return switch (token) {
      case START_ARRAY, END_ARRAY -> "an array";
      case START_OBJECT, END_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  @Override
  public void close() {
    try {
      if (parser != null) parser.close();
      input.close();
    } catch (IOException ignored) {
      // closing a read-only stream: nothing to recover
    }
  }
}
