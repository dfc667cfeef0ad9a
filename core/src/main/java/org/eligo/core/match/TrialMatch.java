package org.eligo.core.match;

import org.eligo.core.eval.TrialResult;
import org.eligo.core.trial.Trial;

/** A trial and the patient's result for it. */
public record TrialMatch(Trial trial, TrialResult result) {}
