/**
 * Schema migrations written in Java, for changes that move data in ways one SQL script cannot say for both H2 and
 * PostgreSQL. Plain SQL migrations live in {@code db/migration}; Flyway runs both kinds in version order.
 */
package org.eligo.store.migration;
