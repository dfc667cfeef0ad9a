package org.eligo.referral.staff;

/**
 * Everything staff can do. Trial-scoped operations are decided against the trial of the record touched; the
 * others are global.
 */
public enum StaffOperation {
  LIST_REFERRALS(true, false),
  VIEW_REFERRAL(true, false),
  VIEW_DELIVERIES(true, false),
  VIEW_SCREENING_LOG(true, false),
  CHANGE_STATUS(true, true),
  ADD_NOTE(true, true),
  EXPORT_CSV(true, false),
  ERASE_REFERRAL(true, true),
  EDIT_RULES(true, true),
  RETRY_DELIVERY(false, true),
  MANAGE_ROUTES(false, true),
  MANAGE_USERS(false, true),
  VIEW_AUDIT_LOG(false, false),
  RUN_RETENTION(false, true);

  private final boolean trialScoped;
  private final boolean writes;

  StaffOperation(boolean trialScoped, boolean writes) {
    this.trialScoped = trialScoped;
    this.writes = writes;
  }

  public boolean trialScoped() {
    return trialScoped;
  }

  public boolean writes() {
    return writes;
  }
}
