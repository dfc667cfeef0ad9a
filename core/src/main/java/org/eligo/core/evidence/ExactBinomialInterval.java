package org.eligo.core.evidence;

/**
 * An exact (Clopper-Pearson) two-sided confidence interval for a binomial proportion: the set of success
 * probabilities p for which neither tail of Binomial(trials, p) at the observed count falls below (1 - confidence) / 2.
 *
 * <p>The lower bound solves P(X &ge; events | p) = alpha/2 and is 0 when no events were seen; the upper bound solves
 * P(X &le; events | p) = alpha/2 and is 1 when every trial was an event. Both are found by bisection on the binomial
 * CDF, summed in log space so that large trial counts neither underflow nor overflow; the result is accurate to about
 * 1e-12. The interval is conservative: its coverage is at least the nominal confidence.
 *
 * @param events the observed number of events (successes), 0 &le; events &le; trials
 * @param trials the number of trials (patients), at least 1
 * @param confidence the two-sided confidence level, strictly between 0 and 1 (0.95 for a 95% interval)
 * @param lower the lower bound of the proportion
 * @param upper the upper bound of the proportion
 */
public record ExactBinomialInterval(int events, int trials, double confidence, double lower, double upper) {

  /** The conventional 95% level. */
  public static final double NINETY_FIVE = 0.95;

  private static final int BISECTION_STEPS = 100;

  public ExactBinomialInterval {
    requireCounts(events, trials);
    requireConfidence(confidence);
    if (!(0 <= lower && lower <= upper && upper <= 1)) {
      throw new IllegalArgumentException("interval bounds must satisfy 0 <= lower <= upper <= 1: " + lower + ", " + upper);
    }
  }

  /** The exact 95% interval for {@code events} of {@code trials}. */
  public static ExactBinomialInterval of(int events, int trials) {
    return of(events, trials, NINETY_FIVE);
  }

  /** The exact interval at the given two-sided confidence level. */
  public static ExactBinomialInterval of(int events, int trials, double confidence) {
    requireCounts(events, trials);
    requireConfidence(confidence);
    double tail = (1 - confidence) / 2;
    double lower = events == 0 ? 0.0 : solveLower(events, trials, tail);
    double upper = events == trials ? 1.0 : solveUpper(events, trials, tail);
    return new ExactBinomialInterval(events, trials, confidence, lower, upper);
  }

  /** The observed proportion, events / trials. */
  public double proportion() {
    return (double) events / trials;
  }

  /** True when {@code p} lies within the interval (bounds included). */
  public boolean contains(double p) {
    return lower <= p && p <= upper;
  }

  // P(X >= k | p) grows with p: find p where it equals the tail.
  private static double solveLower(int k, int n, double tail) {
    double lo = 0, hi = 1;
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = (lo + hi) / 2;
      double upperTail = 1 - cdf(k - 1, n, mid);
      if (upperTail < tail) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  }

  // P(X <= k | p) falls with p: find p where it equals the tail.
  private static double solveUpper(int k, int n, double tail) {
    double lo = 0, hi = 1;
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = (lo + hi) / 2;
      if (cdf(k, n, mid) > tail) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  }

  /** P(X &le; k) for X ~ Binomial(n, p), 0 &lt; p &lt; 1, summing the probability mass in log space. */
  static double cdf(int k, int n, double p) {
    if (k < 0) return 0;
    if (k >= n) return 1;
    if (p <= 0) return 1;
    if (p >= 1) return 0;
    double logP = Math.log(p);
    double logQ = Math.log1p(-p);
    double logTerm = n * logQ; // log P(X = 0)
    double sum = Math.exp(logTerm);
    for (int i = 0; i < k; i++) {
      logTerm += Math.log(n - i) - Math.log(i + 1) + logP - logQ; // P(X = i + 1) from P(X = i)
      sum += Math.exp(logTerm);
    }
    return Math.min(1, sum);
  }

  private static void requireCounts(int events, int trials) {
    if (trials < 1) throw new IllegalArgumentException("trials must be at least 1, was " + trials);
    if (events < 0 || events > trials) {
      throw new IllegalArgumentException("events must be between 0 and trials (" + trials + "), was " + events);
    }
  }

  private static void requireConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be strictly between 0 and 1, was " + confidence);
    }
  }
}
