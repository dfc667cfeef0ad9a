package org.eligo.core.evidence;

import java.util.List;

/**
 * The bibliographic reference of a publication. Identifiers that were not verified against a source are null.
 *
 * @param authors the authors in publication order, at least one
 * @param title the article title
 * @param journal the journal
 * @param year the year of the issue
 * @param volume the volume, or null
 * @param issue the issue, or null
 * @param pages the page range, or null
 * @param doi the DOI without a resolver prefix ("10.1182/..."), or null
 * @param pmid the PubMed ID (digits), or null
 */
public record Citation(List<String> authors, String title, String journal, int year, String volume, String issue,
                       String pages, String doi, String pmid) {

  public Citation {
    authors = List.copyOf(authors);
    if (authors.isEmpty()) throw new IllegalArgumentException("a citation needs at least one author");
    CohortOutcome.requireText(title, "title");
    CohortOutcome.requireText(journal, "journal");
    if (year < 1500 || year > 9999) throw new IllegalArgumentException("implausible publication year " + year);
    if (doi != null && !doi.startsWith("10.")) {
      throw new IllegalArgumentException("a DOI starts with '10.' (no resolver prefix), was '" + doi + "'");
    }
    if (pmid != null && !pmid.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("a PMID is digits only, was '" + pmid + "'");
    }
  }

  /** "Bride KL et al." style short form: the first author's name followed by "et al." when there are more. */
  public String firstAuthorEtAl() {
    return authors.size() == 1 ? authors.getFirst() : authors.getFirst() + " et al.";
  }

  /** "Blood 2016;127(1):17-28", leaving out what is unknown. */
  public String source() {
    StringBuilder s = new StringBuilder(journal).append(' ').append(year);
    if (volume != null) {
      s.append(';').append(volume);
      if (issue != null) s.append('(').append(issue).append(')');
      if (pages != null) s.append(':').append(pages);
    }
    return s.toString();
  }
}
