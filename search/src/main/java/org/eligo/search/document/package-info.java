/**
 * The shape of a trial in the index: field names and weights ({@link org.eligo.search.document.TrialFields}), the
 * trial-to-document mapping, age limits as day ranges and sites as stored values.
 */
package org.eligo.search.document;
