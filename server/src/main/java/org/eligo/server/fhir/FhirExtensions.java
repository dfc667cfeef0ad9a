package org.eligo.server.fhir;

/** The extension URLs Eligo puts on a {@code $match} answer: on {@code Bundle.entry.search}, and on ResearchStudy. */
public final class FhirExtensions {
  private static final String BASE = "http://eligo.org/fhir/StructureDefinition/";

  /** {@code valueCode}: ELIGIBLE, NEEDS_INFO or INELIGIBLE. */
  public static final String VERDICT = BASE + "match-verdict";
  /** Complex, one per criterion: {@code id}, {@code type}, {@code text}, {@code status}, {@code confirmAtScreening}. */
  public static final String CRITERION = BASE + "match-criterion";
  /** {@code valueString}: a question whose answer would settle an open criterion (missing data). */
  public static final String MISSING_DATA = BASE + "match-missing-data";
  /** {@code valueCode} on a ResearchStudy: the registry's overall status (ClinicalTrials.gov's code, e.g. UNKNOWN). */
  public static final String REGISTRY_STATUS = BASE + "registry-status";
  /** The CapabilityStatement's definition of the operation. */
  public static final String MATCH_OPERATION = "http://eligo.org/fhir/OperationDefinition/ResearchStudy-match";

  private FhirExtensions() {}
}
