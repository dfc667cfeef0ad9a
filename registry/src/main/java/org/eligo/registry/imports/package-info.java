/**
 * Importing studies into the registry: any study source (file, API page, directory tree, bulk ZIP) → the API v2
 * reader → the store (upsert by NCT ID, never older over newer) → listeners such as the search index. Malformed
 * records are reported one by one while everything else imports.
 */
package org.eligo.registry.imports;
