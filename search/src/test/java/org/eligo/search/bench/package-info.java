/** The search benchmark ({@link org.eligo.search.bench.SearchBench}) and a smoke test that keeps it runnable. */
package org.eligo.search.bench;
