/**
 * Matching as the front ends offer it: a FHIR Bundle (or facts typed into a questionnaire) against the registry's
 * open trials, named trials or all of them, with the criteria compiled once per trial and cached. Nothing about the
 * patient is stored or logged.
 */
package org.eligo.registry.match;
