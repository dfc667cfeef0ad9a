/**
 * {@code eligo bench ...}: benchmarks that print figures for docs/benchmarks.md. They measure; they never assert.
 */
package org.eligo.cli.bench;
