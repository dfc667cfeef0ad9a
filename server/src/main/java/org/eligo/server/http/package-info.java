/**
 * HTTP plumbing shared by every route: the one error model (problem details, mapped to problem+json, FHIR
 * OperationOutcome or an HTML page depending on where the request went), query-parameter checking, request timeouts,
 * access logs without patient data, and Prometheus metrics.
 */
package org.eligo.server.http;
