/**
 * The same eligibility rules as SQL, for peer engines (DuckDB, PostgreSQL): a relational layout of patient facts
 * ({@link org.eligo.screening.sql.SqlSchema}), a loader from a bulk export ({@link org.eligo.screening.sql.SqlPopulationExport}),
 * and a compiler from rules to SQL expressions in three-valued logic ({@link org.eligo.screening.sql.SqlRuleCompiler}).
 * Truth is an integer (0 NOT_MET, 1 UNKNOWN, 2 MET), so AND is LEAST, OR is GREATEST and NOT is 2 - x; results are
 * mapped to 'MET'/'NOT_MET'/'UNKNOWN' with CASE. Rules SQL cannot express stay UNKNOWN in SQL, and
 * {@link org.eligo.screening.sql.SqlRuleCompiler#sqlView} gives the rule Eligo must evaluate to compare like with like.
 */
package org.eligo.screening.sql;
