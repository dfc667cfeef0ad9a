package org.eligo.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.eligo.server.RouteTable;
import org.eligo.server.http.ProblemType;
import org.eligo.server.http.QueryParameters;
import org.eligo.server.web.Html;
import org.eligo.server.web.Layout;
import org.eligo.server.web.Messages;

/**
 * The OpenAPI 3 document ({@code /api/openapi.json}, hand-written and checked against the served routes by a test)
 * and a browsable page generated from it ({@code /api/docs}).
 */
public final class OpenApiRoutes {
  static final String RESOURCE = "/org/eligo/server/api/openapi.json";
  private final String document;
  private final JsonNode tree;

  public OpenApiRoutes() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      document = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      tree = new ObjectMapper().readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void register(RouteTable routes) {
    routes.get("/api/openapi.json", ctx -> {
      QueryParameters.of(ctx, Set.of());
      ctx.contentType("application/json").result(document);
    });
    routes.get("/api/docs", this::docs);
  }

  void docs(Context ctx) {
    QueryParameters.of(ctx, Set.of());
    Messages m = Messages.of(Locale.ENGLISH);
    Html h = new Html();
    h.el("h1", m.get("docs.title"));
    h.el("p", m.get("docs.intro"));
    h.raw("<p><a href=\"/api/openapi.json\">/api/openapi.json</a></p>");
    h.raw("<p>").text(tree.path("info").path("description").asText()).raw("</p>");
    tree.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      JsonNode o = op.getValue();
      String id = o.path("operationId").asText();
      h.raw("<section aria-labelledby=\"op-").text(id).raw("\"><h2 id=\"op-").text(id).raw("\"><code>")
          .text(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()).raw("</code></h2>");
      h.el("p", o.path("summary").asText());
      if (o.path("parameters").size() > 0) {
        h.el("h3", m.get("docs.parameters"));
        h.raw("<div class=\"tablewrap\"><table><thead><tr><th scope=\"col\">").text(m.get("docs.name"))
            .raw("</th><th scope=\"col\">").text(m.get("docs.in")).raw("</th><th scope=\"col\">")
            .text(m.get("docs.description")).raw("</th></tr></thead><tbody>");
        for (JsonNode p : o.path("parameters")) {
          h.raw("<tr><td><code>").text(p.path("name").asText()).raw("</code></td><td>").text(p.path("in").asText())
              .raw("</td><td>").text(p.path("description").asText()).raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
      }
      if (o.has("requestBody")) {
        h.el("h3", m.get("docs.body"));
        o.path("requestBody").path("content").properties().forEach(c -> h.raw("<p><code>").text(c.getKey())
            .raw("</code> ").text(c.getValue().path("schema").path("description").asText("")).raw("</p>"));
      }
      h.el("h3", m.get("docs.responses"));
      h.raw("<ul>");
      o.path("responses").properties().forEach(r -> h.raw("<li><code>").text(r.getKey()).raw("</code> ")
          .text(describe(tree, r.getValue())).raw("</li>"));
      h.raw("</ul></section>");
    }));
    h.raw("<h2 id=\"problems\">").text(m.get("docs.problems")).raw("</h2><div class=\"tablewrap\"><table><thead><tr>")
        .raw("<th scope=\"col\">type</th><th scope=\"col\">").text(m.get("docs.status")).raw("</th><th scope=\"col\">")
        .raw("title</th></tr></thead><tbody>");
    for (ProblemType t : ProblemType.values()) {
      h.raw("<tr id=\"problem-").text(t.slug()).raw("\"><td><code>").text(t.uri()).raw("</code></td><td>")
          .text(Integer.toString(t.status())).raw("</td><td>").text(t.title()).raw("</td></tr>");
    }
    h.raw("</tbody></table></div>");
    ctx.html(Layout.page(m, m.get("docs.title"), h.toString(), Layout.Nav.API));
  }

  /** The document as parsed JSON. */
  public JsonNode tree() {
    return tree;
  }

  /** A response's description, following a {@code $ref} to the shared response it names. */
  static String describe(JsonNode document, JsonNode response) {
    JsonNode r = response;
    if (r.has("$ref")) {
      JsonNode target = document;
      for (String part : r.path("$ref").asText().substring(2).split("/")) target = target.path(part);
      r = target;
    }
    return r.path("description").asText("");
  }
}
