/** Three-valued logic: the one small type in which eligibility reasons about what the record can and cannot settle. */
package org.eligo.core.logic;
