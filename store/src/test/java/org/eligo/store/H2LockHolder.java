package org.eligo.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run as a separate process by {@code DatabaseTest}: opens the embedded registry in the directory given as the
 * argument, prints {@code READY}, and holds it until its standard input closes.
 */
public final class H2LockHolder {

  private H2LockHolder() {
  }

  public static void main(String[] args) throws IOException {
    try (Database database = Database.open(DatabaseConfig.embedded(Path.of(args[0])))) {
      System.out.println("READY " + database.schemaVersion());
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the database until the parent closes our input
      }
    }
  }
}
