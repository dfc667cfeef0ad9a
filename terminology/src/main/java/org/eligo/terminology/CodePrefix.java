package org.eligo.terminology;

import java.util.Objects;

/**
 * A code hierarchy prefix of a concept: every code of {@code system} starting with {@code prefix}
 * (dots ignored, case ignored) belongs to the concept. Used for ICD-10-CM and ATC, whose codes nest by prefix.
 *
 * @param system  FHIR code system URI; only hierarchical systems ({@link CodeSystems#isHierarchical}) may have prefixes
 * @param prefix  the prefix, e.g. {@code D61.0} or {@code L04AD}
 * @param display what the prefix stands for
 * @param source  URL or citation of the page that shows the hierarchy
 */
public record CodePrefix(String system, String prefix, String display, String source) {
    public CodePrefix {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(prefix, "prefix");
    }
}
