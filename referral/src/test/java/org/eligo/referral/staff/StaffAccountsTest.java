package org.eligo.referral.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eligo.referral.TestDatabases;
import org.eligo.referral.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StaffAccountsTest {

  @TempDir
  Path tempDir;

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void passwordsAreStoredAsBcryptAndCheckedCaseInsensitiveOnTheAddress(TestDatabases backend) {
    try (TestDatabases.Open db = backend.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      StaffUser coordinator = stack.referrals.staff().create(" Coord@Site.Example ", TestStack.PASSWORD,
          Role.COORDINATOR, Set.of("NCT00000101"));
      assertThat(coordinator.email()).isEqualTo("coord@site.example");
      String hash = db.database().jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM staff_user")
          .mapTo(String.class).one());
      assertThat(hash).startsWith("$2").doesNotContain(TestStack.PASSWORD);

      assertThat(stack.referrals.staff().authenticate("COORD@site.example", TestStack.PASSWORD))
          .hasValueSatisfying(u -> assertThat(u.trials()).containsExactly("NCT00000101"));
      assertThat(stack.referrals.staff().authenticate("coord@site.example", "wrong password!!")).isEmpty();
      assertThat(stack.referrals.staff().authenticate("nobody@site.example", TestStack.PASSWORD)).isEmpty();
      stack.referrals.staff().setActive(coordinator.id(), false);
      assertThat(stack.referrals.staff().authenticate("coord@site.example", TestStack.PASSWORD)).isEmpty();

      assertThatThrownBy(() -> stack.referrals.staff().create("coord@site.example", TestStack.PASSWORD,
          Role.COORDINATOR, Set.of())).hasMessageContaining("already exists");
      assertThatThrownBy(() -> stack.referrals.staff().create("x@site.example", "short", Role.ADMIN, Set.of()))
          .hasMessageContaining("at least 12");
      assertThatThrownBy(() -> stack.referrals.staff().create("y@site.example", TestStack.PASSWORD, Role.ADMIN,
          Set.of("NCT00000101"))).hasMessageContaining("administrator");
      assertThatThrownBy(() -> stack.referrals.staff().create("z@site.example", TestStack.PASSWORD,
          Role.COORDINATOR, Set.of("NCT1; DROP TABLE staff_user"))).hasMessageContaining("NCT");
    }
  }

  @Test
  void apiTokensAreShownOnceStoredHashedAndCanBeRevoked() {
    try (TestDatabases.Open db = TestDatabases.H2.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      StaffUser viewer = stack.user("viewer@sponsor.example", Role.SPONSOR_VIEWER, "NCT00000101");
      IssuedToken token = stack.referrals.tokens().create(viewer.id(), "sponsor dashboard");
      assertThat(token.token()).startsWith("eligo_").hasSizeGreaterThan(40);
      assertThat(token.toString()).doesNotContain(token.token());
      String stored = db.database().jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_token")
          .mapTo(String.class).one());
      assertThat(stored).isEqualTo(Secrets.sha256Hex(token.token())).doesNotContain(token.token());

      assertThat(stack.referrals.tokens().authenticate(token.token())).map(StaffUser::email)
          .contains("viewer@sponsor.example");
      assertThat(stack.referrals.tokens().authenticate(token.token() + "x")).isEmpty();
      assertThat(stack.referrals.tokens().list(viewer.id()).get(0).lastUsedAt()).isPresent();
      assertThat(stack.referrals.tokens().revoke(token.id())).isTrue();
      assertThat(stack.referrals.tokens().authenticate(token.token())).isEmpty();
    }
  }

  @Test
  void sessionsExpireAndEndWithTheAccount() {
    try (TestDatabases.Open db = TestDatabases.H2.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      StaffUser user = stack.user("coord@site.example", Role.COORDINATOR, "NCT00000101");
      StaffSession session = stack.referrals.sessions().create(user);
      assertThat(session.csrfToken()).isNotEqualTo(session.id());
      assertThat(stack.referrals.sessions().find(session.id())).map(StaffSession::csrfToken)
          .contains(session.csrfToken());
      assertThat(stack.referrals.sessions().find("forged")).isEmpty();

      stack.clock.advance(Duration.ofHours(8).plusSeconds(1));
      assertThat(stack.referrals.sessions().find(session.id())).as("expired").isEmpty();

      StaffSession second = stack.referrals.sessions().create(user);
      stack.referrals.staff().setActive(user.id(), false);
      assertThat(stack.referrals.sessions().find(second.id())).as("account deactivated").isEmpty();
    }
  }

  @Test
  void loginThrottleRefusesAfterFiveFailuresUntilTheWindowPasses() {
    org.eligo.referral.MutableClock clock = new org.eligo.referral.MutableClock(java.time.Instant.EPOCH);
    org.eligo.referral.limits.LoginThrottle throttle = new org.eligo.referral.limits.LoginThrottle(clock);
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.allowed("Coord@site.example", "10.0.0.1")).isTrue();
      throttle.failed("coord@site.example", "10.0.0.1");
    }
    assertThat(throttle.allowed("COORD@site.example", "10.0.0.9")).as("same account, other client").isFalse();
    assertThat(throttle.allowed("other@site.example", "10.0.0.1")).as("other account, same client").isTrue();
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(throttle.allowed("coord@site.example", "10.0.0.1")).isTrue();

    for (int i = 0; i < 20; i++) throttle.failed("user" + i + "@site.example", "10.0.0.2");
    assertThat(throttle.allowed("fresh@site.example", "10.0.0.2")).as("one client spraying accounts").isFalse();
  }
}
