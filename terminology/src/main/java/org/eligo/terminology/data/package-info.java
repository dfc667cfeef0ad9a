/**
 * Reading and validating the terminology data files: a small streaming JSON reader ({@code JsonTree}, {@code JsonFields}),
 * {@link org.eligo.terminology.data.TerminologyDataReader} that turns the files into domain records, and
 * {@link org.eligo.terminology.data.TerminologyValidator} that lists every defect as a {@link org.eligo.terminology.DataProblem}.
 */
package org.eligo.terminology.data;
