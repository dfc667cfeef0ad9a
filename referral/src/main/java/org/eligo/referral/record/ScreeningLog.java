package org.eligo.referral.record;

import java.util.Map;

/**
 * A trial's screening log: how many referrals are in each status (erased ones included, as they were counted),
 * and how many forwards are delivered, waiting, failed or had nowhere to go.
 */
public record ScreeningLog(String nctId, Map<ReferralStatus, Long> byStatus, Map<String, Long> deliveries) {

  public ScreeningLog {
    byStatus = Map.copyOf(byStatus);
    deliveries = Map.copyOf(deliveries);
  }

  public long total() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  public long count(ReferralStatus status) {
    return byStatus.getOrDefault(status, 0L);
  }
}
