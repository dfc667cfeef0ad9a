/**
 * The trial registry's data model: one {@link org.eligo.core.trial.Trial} per registered study, mirroring the
 * ClinicalTrials.gov API v2 {@code protocolSection}, {@code derivedSection} browse modules and {@code hasResults}.
 *
 * <p>Field and enum names follow API v2 so that a study maps one to one. Conventions: an absent registry value is
 * {@code null}; a list is never null (an absent list is empty). Registry dates keep the registry's own precision
 * ({@link org.eligo.core.trial.PartialDate}: "2020-06" stays a month).
 */
package org.eligo.core.trial;
