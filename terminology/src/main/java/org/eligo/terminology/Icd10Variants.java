package org.eligo.terminology;

import java.util.Locale;
import java.util.Set;

/**
 * ICD-10 as other countries code it: WHO's international ICD-10 ({@code http://hl7.org/fhir/sid/icd-10}, FHIR's
 * system identifier, https://build.fhir.org/sid-icd-10.html) and Germany's ICD-10-GM
 * ({@code http://fhir.de/CodeSystem/bfarm/icd-10-gm}, HL7 Deutschland TerminologieBasisDE,
 * https://build.fhir.org/ig/hl7germany/terminologie-basis-de/CodeSystem-icd-10-gm.html). The concepts hold ICD-10-CM
 * codes; ICD-10 is ICD-10-CM's foundation and the two share codes and their meaning down to WHO's four-character
 * subcategories (ICD-10-CM preface), while each national modification refines them differently below that.
 *
 * <p>So a code of these systems is read only at its WHO level (its first four characters, "D61.10" as "D61.1"), and
 * it is a concept's when that level lies wholly inside a code or prefix of the concept of at most four characters
 * ("D61.9" is aplastic anemia's D61.9; any "C81.x" is under lymphoma's C81). Where ICD-10-CM splits the WHO code and
 * the concept holds only some of its children ("D59.1" against warm AIHA's D59.11), nothing is read: the entry counts
 * by its text, or stays unidentified and asked.
 */
final class Icd10Variants {
    static final String WHO = "http://hl7.org/fhir/sid/icd-10";
    static final String GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
    private static final Set<String> SYSTEMS = Set.of(WHO, GM);
    /** The longest code ICD-10-CM and WHO's ICD-10 share the meaning of: a letter, two digits, one subdivision. */
    static final int WHO_LEVEL = 4;

    private Icd10Variants() {
    }

    static boolean isVariant(String system) {
        return system != null && SYSTEMS.contains(system.strip());
    }

    /**
     * The code at WHO's level, dots and ICD-10-GM's marks of dual coding ({@code †}, {@code *}, {@code !}, {@code +})
     * removed, upper case: "D61.10" → "D611", "A18.3+" → "A183"; empty when it is no such code.
     */
    static String whoLevel(String code) {
        String plain = code.strip().replaceAll("[.†*!+]", "").toUpperCase(Locale.ROOT);
        if (!CODE.matcher(plain).matches()) return "";
        return plain.length() > WHO_LEVEL ? plain.substring(0, WHO_LEVEL) : plain;
    }

    /**
     * A letter, two digits and at most two more: anything else (a German certainty or side letter written into the
     * code, "D61.9 A" for a diagnosis ruled out, "M05.9 L") is no code read.
     */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][0-9]{2}[0-9]{0,2}");
}
