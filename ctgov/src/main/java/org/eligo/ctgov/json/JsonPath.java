package org.eligo.ctgov.json;

/**
 * Where a value sits in a study document ({@code $.protocolSection.armsInterventionsModule.interventions[2].name}),
 * written out only when a diagnostic names it: a reader walks every field of every study, and a path built as text
 * at each step cost a tenth of an import's allocations.
 */
final class JsonPath {
  static final JsonPath ROOT = new JsonPath(null, "$", -1);

  private final JsonPath parent;
  /** The field's name, or null for an array element. */
  private final String name;
  private final int index;

  private JsonPath(JsonPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  JsonPath field(String field) {
    return new JsonPath(this, field, -1);
  }

  JsonPath element(int i) {
    return new JsonPath(this, null, i);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(64);
    append(text);
    return text.toString();
  }

  private void append(StringBuilder text) {
    if (parent == null) {
      text.append(name);
      return;
    }
    parent.append(text);
    if (name != null) {
      text.append('.').append(name);
    } else {
      text.append('[').append(index).append(']');
    }
  }
}
