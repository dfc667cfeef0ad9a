package org.eligo.search;

/**
 * A trial related to another, with why.
 *
 * @param nctId the related trial
 * @param title its title
 * @param score how strongly it is related (higher is closer)
 * @param reason a sentence for a person, e.g. "Same condition: pure red cell aplasia; same drug: sirolimus"
 */
public record RelatedTrial(String nctId, String title, float score, String reason) {}
