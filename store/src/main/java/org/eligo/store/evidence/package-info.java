/**
 * Stored evidence documents (kept as JSON, the way their producer wrote them) and the studies each one is linked
 * to. Linked studies need not be in the registry yet.
 */
package org.eligo.store.evidence;
