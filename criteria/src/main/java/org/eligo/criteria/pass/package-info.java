/** Passes over parsed rules that make them safer or more precise before they are used. */
package org.eligo.criteria.pass;
