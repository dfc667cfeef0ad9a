/**
 * Laboratory tests for infections (HBsAg, HBV DNA, HCV RNA, the HCV antibody, HIV antigen/antibody, HIV-1 RNA): their
 * LOINC codes, which infection each speaks to and what a positive or a negative result shows about it, and the
 * qualitative answers (Positive, Reactive, Detected, Negative, Non-reactive, Not detected) labs report them with.
 * The data lives in {@code infection-tests.json}, each code with its source.
 */
package org.eligo.terminology.infection;
