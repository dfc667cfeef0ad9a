package org.eligo.core.trial;

/** API v2 {@code AgencyClass}: the kind of sponsor or organisation. */
public enum AgencyClass { NIH, FED, OTHER_GOV, INDIV, INDUSTRY, NETWORK, AMBIG, OTHER, UNKNOWN }
