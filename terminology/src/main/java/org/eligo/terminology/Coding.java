package org.eligo.terminology;

import java.util.Objects;

/**
 * One verified code of a concept: a FHIR code system URI, the code, its display and the source that was checked.
 *
 * @param system FHIR code system URI (see {@link CodeSystems})
 * @param code   the code as the system writes it
 * @param display the display text of the code
 * @param source URL or citation of the authoritative page the code was verified against
 */
public record Coding(String system, String code, String display, String source) {
    public Coding {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
    }
}
