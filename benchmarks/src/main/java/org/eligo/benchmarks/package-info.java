/** JMH benchmarks: matching one patient against many trials, and parsing many trials' criteria. */
package org.eligo.benchmarks;
