package org.eligo.registry;

/** Studies for tests outside this package. */
public final class RegistryImportTestStudies {
  private RegistryImportTestStudies() {}

  public static String study(String nctId) {
    return RegistryImportTest.study(nctId, "RECRUITING", "2025-01-01");
  }
}
