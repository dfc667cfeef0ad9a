/**
 * Reading and validating the terminology data files: JSON shapes ({@code ...Json} records), the reader that turns them into
 * domain records, and the validator that lists every defect as a {@link org.eligo.terminology.DataProblem}.
 */
package org.eligo.terminology.data;
