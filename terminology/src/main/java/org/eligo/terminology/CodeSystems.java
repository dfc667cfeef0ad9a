package org.eligo.terminology;

import java.util.Locale;
import java.util.Set;

/** The FHIR code system URIs the terminology knows, and how codes of each are compared. */
public final class CodeSystems {
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String ATC = "http://www.whocc.no/atc";
    public static final String LOINC = "http://loinc.org";
    public static final String CVX = "http://hl7.org/fhir/sid/cvx";
    /** HL7 v3 ObservationInterpretation: {@code POS}, {@code NEG}, {@code DET}, {@code ND} for qualitative results. */
    public static final String OBSERVATION_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private static final Set<String> KNOWN = Set.of(ICD10CM, SNOMED, RXNORM, ATC, LOINC, CVX);

    private CodeSystems() {
    }

    /** Whether the URI is one of the systems above. */
    public static boolean isKnown(String system) {
        return KNOWN.contains(system);
    }

    /**
     * A readable name for a code system URI: "SNOMED CT", "ICD-10-CM", "RxNorm", "ATC", "LOINC", "CVX"; other URIs as
     * they are, and "no system" for null or blank.
     */
    public static String name(String system) {
        if (system == null || system.isBlank()) return "no system";
        return switch (system) {
            case ICD10CM -> "ICD-10-CM";
            case SNOMED -> "SNOMED CT";
            case RXNORM -> "RxNorm";
            case ATC -> "ATC";
            case LOINC -> "LOINC";
            case CVX -> "CVX";
            case Icd10Variants.WHO -> "ICD-10";
            case Icd10Variants.GM -> "ICD-10-GM";
            default -> system;
        };
    }

    /**
     * A code as a person reads it: "SNOMED CT 306058006", "RxNorm 3008", "https://ehr.example.org/codes PL-1",
     * and "D61.9 (no code system)" when the system is missing.
     */
    public static String label(String system, String code) {
        String c = code == null ? "" : code.strip();
        return system == null || system.isBlank() ? c + " (no code system)" : name(system) + " " + c;
    }

    /** Whether codes of the system nest by prefix (ICD-10-CM, ATC), so concepts may claim a prefix. */
    public static boolean isHierarchical(String system) {
        return ICD10CM.equals(system) || ATC.equals(system);
    }

    /**
     * The form in which codes are compared: ICD-10-CM and ATC without dots and in upper case ({@code d61.3} = {@code D613}),
     * CVX without leading zeros ({@code 03} = {@code 3}), other systems trimmed.
     */
    public static String comparable(String system, String code) {
        String trimmed = code.strip();
        if (ICD10CM.equals(system) || ATC.equals(system)) {
            return trimmed.replace(".", "").toUpperCase(Locale.ROOT);
        }
        if (CVX.equals(system)) {
            String stripped = trimmed.replaceFirst("^0+(?=.)", "");
            return stripped;
        }
        return trimmed;
    }
}
