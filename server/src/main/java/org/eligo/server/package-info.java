/** The Eligo HTTP server: entry point, configuration and the wiring of the API, FHIR and web routes. */
package org.eligo.server;
