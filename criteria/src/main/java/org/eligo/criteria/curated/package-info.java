/**
 * Rule sets written by people for particular trials, bundled under {@code org/eligo/criteria/curated/}; they take
 * precedence over the parser.
 */
package org.eligo.criteria.curated;
