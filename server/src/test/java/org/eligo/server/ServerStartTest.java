package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/** A server that cannot listen says why, in the operator's terms. */
class ServerStartTest {
  @Test
  void anAddressThatIsNotKnownIsNotCalledAPortInUse() {
    Throwable failure = catchThrowable(() -> EligoServer.start(TestServers.registry(),
        ServerConfig.defaults().withHost("999.1.1.1").withPort(0)));
    assertThat(failure).hasMessageContaining("cannot listen on 999.1.1.1:0").hasMessageContaining("--host")
        .hasMessageNotContaining("in use");
  }

  @Test
  void aPortInUseIsCalledSoWithThePort() {
    int taken = TestServers.server().port();
    Throwable failure = catchThrowable(() -> EligoServer.start(TestServers.registry(),
        ServerConfig.defaults().withPort(taken)));
    assertThat(failure).hasMessageContaining("cannot listen on 127.0.0.1:" + taken)
        .hasMessageContaining("port " + taken + " is already in use");
  }
}
