/**
 * The registry's persistence: opening the database ({@link org.eligo.store.Database}, embedded H2 by default,
 * PostgreSQL in production), pooling connections and migrating the schema with Flyway.
 *
 * <p>One set of migrations ({@code db/migration}) serves both databases. The repositories live in the
 * sub-packages: {@code trial} (studies, their raw API v2 JSON and status history), {@code rules} (rule sets),
 * {@code evidence} and {@code imports} (import runs). Configuration and connection problems throw
 * {@link org.eligo.store.DatabaseException} with a message a user can act on.
 */
package org.eligo.store;
