package org.eligo.terminology.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eligo.terminology.DataProblem;

/**
 * Typed, checked access to the fields of one JSON object of a data file; wrong types and unknown fields become
 * {@link DataProblem}s at the object's location.
 */
final class JsonFields {
    private final Map<String, Object> object;
    private final String where;
    private final List<DataProblem> problems;

    private JsonFields(Map<String, Object> object, String where, List<DataProblem> problems) {
        this.object = object;
        this.where = where;
        this.problems = problems;
    }

    /** Wraps a JSON value that must be an object with only the allowed fields; null (with a problem) otherwise. */
    @SuppressWarnings("unchecked")
    static JsonFields of(Object value, String where, Set<String> allowed, List<DataProblem> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new DataProblem(where, "must be a JSON object"));
            return null;
        }
        for (Object key : map.keySet()) {
            if (!allowed.contains(key)) {
                problems.add(new DataProblem(where, "unknown field '" + key + "' (expected one of " + new TreeSet<>(allowed) + ")"));
            }
        }
        return new JsonFields((Map<String, Object>) map, where, problems);
    }

    String where() {
        return where;
    }

    String string(String name) {
        Object value = object.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        problems.add(new DataProblem(where, "field '" + name + "' must be a string"));
        return null;
    }

    Double number(String name) {
        Object value = object.get(name);
        if (value == null || value instanceof Double) {
            return (Double) value;
        }
        problems.add(new DataProblem(where, "field '" + name + "' must be a number"));
        return null;
    }

    Object raw(String name) {
        return object.get(name);
    }

    /** A list field (missing = empty); non-list values give a problem and an empty list. */
    List<Object> list(String name) {
        Object value = object.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        problems.add(new DataProblem(where, "field '" + name + "' must be an array"));
        return List.of();
    }

    /** A list of strings (missing = empty); other elements give a problem and are skipped. */
    List<String> strings(String name) {
        List<String> result = new ArrayList<>();
        for (Object element : list(name)) {
            if (element instanceof String s) {
                result.add(s);
            } else {
                problems.add(new DataProblem(where, "field '" + name + "' must contain only strings"));
            }
        }
        return result;
    }
}
