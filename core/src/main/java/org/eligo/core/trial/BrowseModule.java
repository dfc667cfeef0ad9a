package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code conditionBrowseModule} / {@code interventionBrowseModule}: the registry's MeSH terms. */
public record BrowseModule(List<Mesh> meshes, List<Mesh> ancestors, List<BrowseLeaf> browseLeaves,
                           List<BrowseBranch> browseBranches) {

  public static final BrowseModule EMPTY = new BrowseModule(List.of(), List.of(), List.of(), List.of());

  public BrowseModule {
    meshes = List.copyOf(meshes);
    ancestors = List.copyOf(ancestors);
    browseLeaves = List.copyOf(browseLeaves);
    browseBranches = List.copyOf(browseBranches);
  }

  public record Mesh(String id, String term) {}

  public record BrowseLeaf(String id, String name, String asFound, String relevance) {}

  public record BrowseBranch(String abbrev, String name) {}
}
