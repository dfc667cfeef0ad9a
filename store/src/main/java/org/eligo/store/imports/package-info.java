/** The record of registry imports: when each ran, from which source, and what it did to the stored studies. */
package org.eligo.store.imports;
