/** Test kit: trial builders, random trials, fixture corpora and a process that crashes while indexing. */
package org.eligo.search.kit;
