package org.eligo.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eligo.referral.audit.AuditAction;
import org.eligo.referral.record.ReferralSummary;
import org.eligo.referral.staff.Role;
import org.eligo.referral.staff.StaffUser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A coordinator of one trial can never read another trial's referrals, by any route the desk offers. */
class ScopeIsolationTest {

  private static final String MINE = "NCT00000101";
  private static final String THEIRS = "NCT00000202";

  @TempDir
  Path tempDir;

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void guessedIdsSearchesListsAndExportsNeverReachAnotherTrial(TestDatabases backend) {
    try (TestDatabases.Open db = backend.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      ReferralDesk desk = stack.referrals.desk();
      StaffUser me = stack.user("coord@mine.example", Role.COORDINATOR, MINE);
      List<Long> mine = new ArrayList<>();
      List<Receipt> theirs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        mine.add(stack.referrals.service().submit(MINE, Optional.empty(), Fixtures.form("Mine Person " + i))
            .referralId());
        theirs.add(stack.referrals.service().submit(THEIRS, Optional.empty(), Fixtures.form("Secret Person " + i)));
      }

      // Every id from 0 to well past the last one.
      for (long id = 0; id <= theirs.get(4).referralId() + 20; id++) {
        boolean isMine = mine.contains(id);
        assertThat(desk.open(me, id).isOk()).as("open " + id).isEqualTo(isMine);
        assertThat(desk.deliveries(me, id).isOk()).as("deliveries " + id).isEqualTo(isMine);
        assertThat(desk.addNote(me, id, "probe").isOk()).as("note " + id).isEqualTo(isMine);
        if (!isMine) {
          assertThat(desk.open(me, id)).as("another trial's referral looks like a missing one")
              .isInstanceOf(DeskResult.NotFound.class);
        }
      }

      List<ReferralSummary> all = desk.list(me, Optional.empty(), Optional.empty(), Optional.empty(), 0, 500)
          .orElseThrow();
      assertThat(all).hasSize(5).allSatisfy(s -> assertThat(s.nctId()).isEqualTo(MINE));
      assertThat(desk.list(me, Optional.of(THEIRS), Optional.empty(), Optional.empty(), 0, 500))
          .isInstanceOf(DeskResult.Forbidden.class);
      for (String probe : List.of("Secret", "secret person", theirs.get(0).reference(), "%", "_", "' OR '1'='1")) {
        assertThat(desk.list(me, Optional.empty(), Optional.empty(), Optional.of(probe), 0, 500).orElseThrow())
            .as("search " + probe).allSatisfy(s -> assertThat(s.nctId()).isEqualTo(MINE))
            .noneSatisfy(s -> assertThat(s.name().orElse("")).contains("Secret"));
      }

      assertThat(desk.exportCsv(me, THEIRS)).isInstanceOf(DeskResult.Forbidden.class);
      String csv = desk.exportCsv(me, MINE).orElseThrow();
      assertThat(csv).contains("Mine Person 4").doesNotContain("Secret").doesNotContain(THEIRS);
      assertThat(desk.screeningLog(me, THEIRS)).isInstanceOf(DeskResult.Forbidden.class);
      assertThat(desk.changeStatus(me, theirs.get(0).referralId(),
          org.eligo.referral.record.ReferralStatus.CONTACTED)).isInstanceOf(DeskResult.NotFound.class);
      assertThat(desk.erase(me, theirs.get(0).referralId())).isInstanceOf(DeskResult.NotFound.class);

      assertThat(stack.referrals.repository().find(theirs.get(0).referralId()).orElseThrow().name())
          .contains("Secret Person 0");
      assertThat(stack.referrals.repository().notes(theirs.get(0).referralId())).isEmpty();
      StaffUser admin = stack.user("admin@eligo.example", Role.ADMIN);
      assertThat(desk.auditLog(admin, 1000, 0).orElseThrow())
          .filteredOn(e -> e.action() == AuditAction.ACCESS_DENIED && e.nctId().equals(Optional.of(THEIRS)))
          .hasSizeGreaterThanOrEqualTo(15);
    }
  }
}
