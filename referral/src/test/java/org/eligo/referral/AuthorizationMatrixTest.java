package org.eligo.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eligo.referral.audit.AuditAction;
import org.eligo.referral.audit.AuditEntry;
import org.eligo.referral.outbox.Destination;
import org.eligo.referral.outbox.ForwardingRoute;
import org.eligo.referral.record.Referral;
import org.eligo.referral.record.ReferralStatus;
import org.eligo.referral.staff.Role;
import org.eligo.referral.staff.StaffOperation;
import org.eligo.referral.staff.StaffUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every staff operation × every role × own/other trial, run for real through {@link ReferralDesk} against the
 * expectations in {@code authorization-matrix.txt}. A denial must change nothing and be audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  static final String OWN = "NCT00000101";
  static final String OTHER = "NCT00000202";

  enum Caller { ADMIN, COORDINATOR, SPONSOR_VIEWER, INACTIVE_COORDINATOR }

  private final AtomicInteger counter = new AtomicInteger();
  private Path dir;
  private TestDatabases.Open db;
  private TestStack stack;
  private StaffUser admin;
  private StaffUser coordinator;
  private StaffUser viewer;
  private StaffUser inactive;

  @BeforeAll
  void openDatabase() throws IOException {
    dir = Files.createTempDirectory("authz");
    db = TestDatabases.H2.open(dir);
    stack = new TestStack(db.database(), Optional.empty());
    admin = stack.user("admin@eligo.example", Role.ADMIN);
    coordinator = stack.user("coord@site.example", Role.COORDINATOR, OWN);
    viewer = stack.user("viewer@sponsor.example", Role.SPONSOR_VIEWER, OWN);
    StaffUser deactivated = stack.user("gone@site.example", Role.COORDINATOR, OWN);
    stack.referrals.staff().setActive(deactivated.id(), false);
    inactive = stack.referrals.staff().find(deactivated.id()).orElseThrow();
  }

  @AfterAll
  void closeDatabase() {
    db.close();
  }

  static List<String[]> rows() throws IOException {
    try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("authorization-matrix.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.strip().split("\\s+"))
          .toList();
    }
  }

  static Stream<Arguments> matrix() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (String[] row : rows()) {
      StaffOperation op = StaffOperation.valueOf(row[0]);
      cases.add(Arguments.of(op, Caller.ADMIN, "own", row[1]));
      cases.add(Arguments.of(op, Caller.ADMIN, "other", row[1]));
      cases.add(Arguments.of(op, Caller.COORDINATOR, "own", row[2]));
      cases.add(Arguments.of(op, Caller.COORDINATOR, "other", row[3]));
      cases.add(Arguments.of(op, Caller.SPONSOR_VIEWER, "own", row[4]));
      cases.add(Arguments.of(op, Caller.SPONSOR_VIEWER, "other", row[5]));
      cases.add(Arguments.of(op, Caller.INACTIVE_COORDINATOR, "own", row[6]));
    }
    return cases.stream();
  }

  @Test
  void theMatrixHasARowForEveryOperation() throws IOException {
    EnumSet<StaffOperation> listed = EnumSet.noneOf(StaffOperation.class);
    rows().forEach(row -> {
      assertThat(row).as(Arrays.toString(row)).hasSize(7);
      listed.add(StaffOperation.valueOf(row[0]));
    });
    assertThat(listed).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(StaffOperation.class));
  }

  @ParameterizedTest(name = "{0} by {1} on {2} trial: {3}")
  @MethodSource("matrix")
  void everyOperationIsAllowedOrDeniedAsTheMatrixSays(StaffOperation op, Caller caller, String whose,
      String expected) {
    StaffUser user = switch (caller) {
      case ADMIN -> admin;
      case COORDINATOR -> coordinator;
      case SPONSOR_VIEWER -> viewer;
      case INACTIVE_COORDINATOR -> inactive;
    };
    String trial = whose.equals("own") ? OWN : OTHER;
    long referral = stack.referrals.service().submit(trial, Optional.empty(),
        Fixtures.form("Person " + counter.incrementAndGet())).referralId();

    DeskResult<?> result = run(op, user, trial, referral);

    assertThat(result).as("an authorised call is never turned away as invalid").isNotInstanceOf(DeskResult.Invalid.class);
    if (expected.equals("allow")) {
      assertThat(result).isInstanceOf(DeskResult.Ok.class);
    } else {
      assertThat(expected).isEqualTo("deny");
      assertThat(result).isInstanceOfAny(DeskResult.Forbidden.class, DeskResult.NotFound.class);
      Referral after = stack.referrals.repository().find(referral).orElseThrow();
      assertThat(after.status()).as("denied: nothing changed").isEqualTo(ReferralStatus.NEW);
      assertThat(after.erased()).isFalse();
      assertThat(stack.referrals.repository().notes(referral)).isEmpty();
      AuditEntry last = stack.referrals.audit().recent(1, 0).get(0);
      assertThat(last.action()).isEqualTo(AuditAction.ACCESS_DENIED);
      assertThat(last.actor()).isEqualTo(user.email());
      assertThat(last.detail()).contains(op.name());
    }
  }

  private DeskResult<?> run(StaffOperation op, StaffUser user, String trial, long referral) {
    ReferralDesk desk = stack.referrals.desk();
    return switch (op) {
      case LIST_REFERRALS -> desk.list(user, Optional.of(trial), Optional.empty(), Optional.empty(), 0, 50);
      case VIEW_REFERRAL -> desk.open(user, referral);
      case VIEW_DELIVERIES -> desk.deliveries(user, referral);
      case VIEW_SCREENING_LOG -> desk.screeningLog(user, trial);
      case CHANGE_STATUS -> desk.changeStatus(user, referral, ReferralStatus.CONTACTED);
      case ADD_NOTE -> desk.addNote(user, referral, "Left a voicemail.");
      case EXPORT_CSV -> desk.exportCsv(user, trial);
      case ERASE_REFERRAL -> desk.erase(user, referral);
      case EDIT_RULES -> desk.mayEditRules(user, trial);
      case RETRY_DELIVERY -> desk.retryDelivery(user,
          stack.referrals.outbox().forReferral(referral).get(0).id(),
          Optional.of(new Destination.Email("team@trial.example")));
      case MANAGE_ROUTES -> desk.setRoute(user, new ForwardingRoute(trial, ForwardingRoute.Kind.EMAIL,
          "team@trial.example", Optional.empty()));
      case MANAGE_USERS -> desk.createUser(user, stack.referrals.staff(), "new" + counter.incrementAndGet()
          + "@site.example", TestStack.PASSWORD, Role.COORDINATOR, Set.of(trial));
      case VIEW_AUDIT_LOG -> desk.auditLog(user, 10, 0);
      case RUN_RETENTION -> desk.applyRetention(user, Duration.ofDays(3650));
    };
  }
}
