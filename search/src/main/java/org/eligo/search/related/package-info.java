/** Related trials: shared conditions and interventions (synonyms count) plus MoreLikeThis text, with reasons. */
package org.eligo.search.related;
