/**
 * The REST API under {@code /api/v1} (JSON): trial search with ClinicalTrials.gov API v2 parameter names, studies,
 * their criteria and rules, related trials, evidence, matching a FHIR Bundle, and import for administrators; plus
 * the OpenAPI document and its browsable page.
 */
package org.eligo.server.api;
