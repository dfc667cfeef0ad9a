/** Matching: one patient against many trials, ranked, with what is missing to decide. */
package org.eligo.core.match;
