package com.shopdesk.aftersales.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps, without the browser: logs in to Tasklist or Cockpit the way
 * their login page does (with the CSRF token the webapps hand out) and then calls their own engine API under
 * /camunda/api/engine, as Tasklist's scripts do.
 */
public final class WebappSession {
  public record Reply(int status, String body) {}

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private String csrf = "";

  public WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs in to the app; returns the login's answer (200 with the apps the user may open, or 401). */
  public Reply login(String app, String user, String password) {
    send("GET", "/camunda/app/" + app + "/default/", null, null);
    Reply login = send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    send("GET", "/camunda/api/engine/engine/", null, null); // the new session's CSRF token
    return login;
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  private Reply send(String method, String path, String body, String type) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Accept", "application/json, application/hal+json")
        .header("X-XSRF-TOKEN", csrf.isEmpty() ? "Fetch" : csrf);
    if (type != null) b.header("Content-Type", type);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      r.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
      return new Reply(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }
}
