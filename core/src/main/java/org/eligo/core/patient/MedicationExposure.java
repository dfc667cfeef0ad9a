package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/**
 * A period during which the patient took, or was prescribed, a medication.
 *
 * @param concepts drug and drug-class concept ids (e.g. {@code everolimus}, {@code mtor-inhibitor})
 * @param start first day of exposure, or null when unknown; its first possible day when the record gives only a
 *     year or month
 * @param end last day of exposure, or null when ongoing or unknown; its first possible day likewise
 * @param status whether it is still being taken
 * @param local true when the record says the drug acts where it is applied (a cream, an inhaler, eye drops, a joint
 *     injection) or only keeps a line open (a heparin flush): it may not be the treatment a criterion means, so it
 *     leaves drug criteria open (UNKNOWN at most) and never settles them
 * @param startLatest the last day the start can be ("2025-12": 2025-12-31), else the start ({@link DayRange})
 * @param endLatest the last day the end can be, else the end
 * @param units the units of blood product a transfusion given as a medication says ("Packed red blood cells", dose 2
 *     units), else null (DECISIONS 92)
 */
public record MedicationExposure(Set<String> concepts, String text, LocalDate start, LocalDate end,
                                 ExposureStatus status, SourceRef source, boolean local, LocalDate startLatest,
                                 LocalDate endLatest, Integer units) {
  public MedicationExposure {
    concepts = Set.copyOf(concepts);
    startLatest = DayRange.latest(start, startLatest);
    endLatest = DayRange.latest(end, endLatest);
    if (units != null && units < 1) units = null;
  }

  /** An exposure whose size in units of blood product the record does not give. */
  public MedicationExposure(Set<String> concepts, String text, LocalDate start, LocalDate end, ExposureStatus status,
                            SourceRef source, boolean local, LocalDate startLatest, LocalDate endLatest) {
    this(concepts, text, start, end, status, source, local, startLatest, endLatest, null);
  }

  /** An exposure with exact (or unknown) dates. */
  public MedicationExposure(Set<String> concepts, String text, LocalDate start, LocalDate end, ExposureStatus status,
                            SourceRef source, boolean local) {
    this(concepts, text, start, end, status, source, local, start, end);
  }

  /** An exposure taken for its effect on the whole body (or as far as the record says). */
  public MedicationExposure(Set<String> concepts, String text, LocalDate start, LocalDate end, ExposureStatus status,
                            SourceRef source) {
    this(concepts, text, start, end, status, source, false);
  }

  /** Medication statement/request status reduced to what time windows need. */
  public enum ExposureStatus {
    /** Being taken now: the exposure runs up to the evaluation date unless an end is given. */
    ACTIVE,
    /** Finished or stopped: the exposure ended at {@code end} (or at {@code start} when no end is recorded). */
    COMPLETED,
    /** Planned, not yet taken. */
    INTENDED,
    /** The record does not say. */
    UNKNOWN
  }
}
