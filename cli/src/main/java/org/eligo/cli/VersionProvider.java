package org.eligo.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints Eligo's version and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = EligoMain.class.getPackage().getImplementationVersion();
    return new String[] {
        "Eligo " + (version == null ? "development build" : version),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
  }
}
