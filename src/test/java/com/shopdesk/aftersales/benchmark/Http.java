package com.shopdesk.aftersales.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** The benchmark's HTTP clients: one JDK client, HTTP/1.1 with keep-alive, Basic auth per user. */
final class Http {
  static final String JSON = "application/json";
  /** What Tasklist's SDK asks for: HAL, with the filter's variables embedded. */
  static final String HAL = "application/hal+json, application/json; q=0.5";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Answer(int status, String body, long nanos, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }
  }

  static {
    // Tomcat closes a connection idle for 60 s; a client that kept it longer (the storm's bulk start idles that
    // long) sent its next POST into a closed socket. Forget idle connections well before the server does.
    if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
      System.setProperty("jdk.httpclient.keepalive.timeout", "10");
    }
  }

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final Map<String, String> passwords;

  Http(int port, Map<String, String> passwords) {
    this.base = "http://127.0.0.1:" + port;
    this.passwords = passwords;
  }

  Answer get(String user, String path) {
    return send(user, "GET", path, null, JSON);
  }

  Answer post(String user, String path, String body) {
    return send(user, "POST", path, body, JSON);
  }

  /** Sends and times one request; a transport error is an exception, any status an answer. */
  Answer send(String user, String method, String path, String body, String accept) {
    String password = passwords.get(user);
    if (password == null) {
      throw new IllegalArgumentException("no password for " + user);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120))
        .header("Accept", accept)
        .header("Content-Type", JSON)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body(), System.nanoTime() - start, r);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  /** The answer, if it has the expected status; else a failure naming the request and the answer. */
  static Answer expect(Answer answer, int status, String what) {
    if (answer.status() != status) {
      String body = answer.body() == null ? "" : answer.body();
      throw new IllegalStateException(what + ": expected " + status + ", got " + answer.status() + ": "
          + (body.length() > 800 ? body.substring(0, 800) + "…" : body));
    }
    return answer;
  }
}
