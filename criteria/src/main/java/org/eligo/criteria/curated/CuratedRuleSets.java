package org.eligo.criteria.curated;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eligo.criteria.json.RuleFile;
import org.eligo.criteria.json.RuleSetJson;
import org.eligo.criteria.lexicon.ConceptLexicon;

/**
 * Rule sets written by people for particular trials, kept as JSON under {@code org/eligo/criteria/curated/} (one file
 * per NCT id, listed in {@code index.txt}). They take precedence over the parser. Files are read and checked against
 * the terminology on first use; a bundled file that does not check out is a build defect and throws
 * {@link org.eligo.criteria.json.RuleFileException}. Thread-safe.
 */
public final class CuratedRuleSets {
  /** Classpath folder of the bundled curated files. */
  public static final String ROOT = "org/eligo/criteria/curated/";

  private final ClassLoader loader;
  private final String root;
  private final RuleSetJson json;
  private final List<String> available;
  private final Map<String, Optional<RuleFile>> cache = new ConcurrentHashMap<>();

  public CuratedRuleSets(ClassLoader loader, String root, ConceptLexicon lexicon) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.root = root.endsWith("/") ? root : root + "/";
    this.json = RuleSetJson.checkedAgainst(lexicon);
    this.available = readIndex();
  }

  /** The bundled curated rule sets, checked against {@code lexicon}. */
  public static CuratedRuleSets bundled(ConceptLexicon lexicon) {
    return new CuratedRuleSets(CuratedRuleSets.class.getClassLoader(), ROOT, lexicon);
  }

  /** NCT ids with a curated rule set. */
  public List<String> available() {
    return available;
  }

  /** The curated rule set for a trial, if there is one. */
  public Optional<RuleFile> find(String nctId) {
    if (nctId == null || !available.contains(nctId)) return Optional.empty();
    return cache.computeIfAbsent(nctId, this::load);
  }

  private Optional<RuleFile> load(String nctId) {
    String resource = root + nctId + ".json";
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) return Optional.empty();
      return Optional.of(json.readValid(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private List<String> readIndex() {
    try (InputStream in = loader.getResourceAsStream(root + "index.txt")) {
      if (in == null) return List.of();
      List<String> ids = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String id = line.strip();
        if (!id.isEmpty() && !id.startsWith("#")) ids.add(id);
      }
      return List.copyOf(ids);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + root + "index.txt", e);
    }
  }
}
