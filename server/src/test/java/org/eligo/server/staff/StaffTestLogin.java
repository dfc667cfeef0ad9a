package org.eligo.server.staff;

import org.eligo.server.referral.ReferralServer;

/** Signs a staff member in through the real form, for tests in other packages; returns the Cookie header. */
public record StaffTestLogin(ReferralServer server) {

  public String login(String email, String password) {
    return new StaffSessions(server).login(email, password).cookies();
  }
}
