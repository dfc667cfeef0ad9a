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
 * API's page fields); any other object is one study. A syntax error (truncation included) ends the document with
 * one {@link RawStudyError} at the parser's line and column: what came before it has been delivered already.
 */
final class JsonRecordIterator implements Iterator<StudyRecord>, Closeable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PAGE_FIELDS = Set.of("studies", "nextPageToken", "totalCount");

  private enum State { START, PAGE_FIELDS, IN_STUDIES, DONE }

  private final InputStream input;
  private final Origin origin;
  private JsonParser parser;
  private State state = State.START;
  private StudyRecord next;
  private int index;

  JsonRecordIterator(InputStream input, Origin origin) {
    this.input = input;
    this.origin = origin;
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
      Origin where = state == State.IN_STUDIES ? origin.index(index) : origin;
      fail(where.at(e.getLocation()), "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      Origin where = state == State.IN_STUDIES ? origin.index(index) : origin;
      fail(where, "cannot read: " + e);
    }
  }

  private void start() throws IOException {
    parser = JSON.createParser(input);
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
    deliver(new RawStudy(origin, study));
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
      state = State.PAGE_FIELDS;
      return;
    }
    Origin where = origin.index(index).at(parser.currentTokenLocation());
    if (token == JsonToken.START_OBJECT) {
      JsonNode study = JSON.readTree(parser);
      index++;
      deliver(new RawStudy(where, study));
    } else {
      parser.skipChildren();
      index++;
      deliver(new RawStudyError(where, "expected a study object, found " + describe(token)));
    }
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
