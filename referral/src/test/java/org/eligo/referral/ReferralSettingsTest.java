package org.eligo.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from the environment. */
class ReferralSettingsTest {
  @Test
  void withoutAPublicUrlLinksPointWhereServeListensByDefault() {
    // the withdrawal link in confirmations pointed at port 7070, where nothing of Eligo listens
    assertThat(ReferralSettings.fromEnvironment(Map.of(), "test").publicBaseUrl())
        .isEqualTo(URI.create("http://localhost:8080"));
    assertThat(ReferralSettings.fromEnvironment(Map.of(ReferralSettings.PUBLIC_URL, "https://trials.example.org"),
        "test").publicBaseUrl()).isEqualTo(URI.create("https://trials.example.org"));
  }
}
