package org.eligo.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * A resource parsed from one Bundle entry.
 *
 * @param index the entry's index in {@code Bundle.entry}
 * @param fullUrl the entry's fullUrl, or empty
 * @param type the resource type
 * @param id the logical id, or empty
 */
record ParsedEntry(int index, String fullUrl, String type, String id, Resource resource) {}
