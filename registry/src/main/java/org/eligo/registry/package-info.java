/**
 * The registry's application services, shared by the HTTP server and the command line: opening a registry
 * ({@link org.eligo.registry.Registry}), importing and exporting studies, the bundled registry loaded on first
 * start, criteria compilation and matching. Adapters (ctgov, store, search, criteria, fhir) are wired together here
 * and nowhere else.
 */
package org.eligo.registry;
