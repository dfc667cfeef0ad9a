package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code ipdSharingStatementModule}: whether individual participant data will be shared. */
public record IpdSharing(
    Decision ipdSharing,
    String description,
    List<InfoType> infoTypes,
    String timeFrame,
    String accessCriteria,
    String url) {

  public IpdSharing {
    infoTypes = List.copyOf(infoTypes);
  }

  public enum Decision { YES, NO, UNDECIDED }

  public enum InfoType { STUDY_PROTOCOL, SAP, ICF, CSR, ANALYTIC_CODE }
}
