package org.eligo.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes with Javalin and remembers them, so the OpenAPI document can be checked against what is served.
 *
 * <p>Every GET route also answers HEAD by running the same handler: Javalin on its own answers HEAD for any path
 * with a GET route with an empty 200 and never runs the handler, so an unknown trial looked found. Jetty sends no
 * body for HEAD, so the status and headers are exactly those of GET.
 */
public final class RouteTable {
  private final RoutesConfig routes;
  private final List<Route> registered = new ArrayList<>();

  /** One registered route. */
  public record Route(String method, String path) {}

  RouteTable(RoutesConfig routes) {
    this.routes = routes;
  }

  public RouteTable get(String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
    registered.add(new Route("get", path));
    return this;
  }

  public RouteTable post(String path, Handler handler) {
    routes.post(path, handler);
    registered.add(new Route("post", path));
    return this;
  }

  public List<Route> registered() {
    return List.copyOf(registered);
  }
}
