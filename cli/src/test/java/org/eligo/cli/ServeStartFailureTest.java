package org.eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eligo serve} that cannot listen, as an operator sees it: its own JVM, its standard error. */
class ServeStartFailureTest {
  @TempDir
  Path dir;

  @Test
  void aPortInUseIsOneLineThatSaysWhatToDoWithoutALibraryErrorAboveIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String java = ProcessHandle.current().info().command().orElse("java");
      // as ./eligo runs it (without the flag the JVM warns about Lucene's native access)
      Process process = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
          System.getProperty("java.class.path"), EligoMain.class.getName(), "--data", dir.resolve("data").toString(),
          "serve", "--port", String.valueOf(taken.getLocalPort()))).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(err.lines().toList()).as(err).containsExactly("eligo: cannot listen on 127.0.0.1:"
          + taken.getLocalPort() + ": port " + taken.getLocalPort() + " is already in use (stop the other process, "
          + "or choose another --port; 0 picks a free one)");
    }
  }
}
