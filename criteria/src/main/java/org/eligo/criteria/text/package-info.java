/**
 * The first phase: cutting registry criteria text into inclusion and exclusion items
 * ({@link org.eligo.criteria.text.CriteriaTextSplitter}), each an exact span of the text with its sub-items and a
 * stable id.
 */
package org.eligo.criteria.text;
