package com.shopdesk.aftersales.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The desk's Chinese for Tasklist, Cockpit and Admin (locales/zh.json under META-INF/resources/webjars/camunda/app/)
 * says exactly what the webjar's English says: every key, no other key, every placeholder and link. A key the
 * Chinese lacks shows as its raw name (e.g. PLGN_INCIDENTS), so an upgrade of the webapps that adds or renames
 * keys fails here, naming them, until zh.json has them.
 */
class WebappTranslationsTest {
  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|br|code|div|em|i|li|p|pre|span|strong|ul)(?:\\s[^>]*)?/?>");
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void theChineseHasExactlyTheKeysOfTheWebjarsEnglish(String app) throws IOException {
    Map<String, String> english = flatten(read(webjarFile(app + "/locales/en.json")));
    Map<String, String> chinese = flatten(read(projectFile(app + "/locales/zh.json")));

    List<String> missing = new ArrayList<>(english.keySet());
    missing.removeAll(chinese.keySet());
    List<String> unknown = new ArrayList<>(chinese.keySet());
    unknown.removeAll(english.keySet());
    assertThat(missing).as("keys of the Camunda %s %s webjar's en.json that %s/locales/zh.json lacks (add them)",
        app, webjarVersion(), app).isEmpty();
    assertThat(unknown).as("keys in %s/locales/zh.json that the Camunda %s webjar no longer has (drop them)",
        app, webjarVersion()).isEmpty();
    List<String> empty = new ArrayList<>();
    english.forEach((key, value) -> {
      if (!value.isBlank() && chinese.getOrDefault(key, "x").isBlank()) {
        empty.add(key);
      }
    });
    assertThat(empty).as("keys %s/locales/zh.json leaves empty where the English says something", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void theChineseKeepsEveryPlaceholderAndLinkOfTheEnglish(String app) throws IOException {
    Map<String, String> english = flatten(read(webjarFile(app + "/locales/en.json")));
    Map<String, String> chinese = flatten(read(projectFile(app + "/locales/zh.json")));

    List<String> broken = new ArrayList<>();
    english.forEach((key, value) -> {
      String translated = chinese.get(key);
      if (translated == null) {
        return;
      }
      List<String> lost = new ArrayList<>(all(PLACEHOLDER, value, 1));
      all(PLACEHOLDER, translated, 1).forEach(lost::remove);
      if (!lost.isEmpty()) {
        broken.add(key + " lacks {{" + String.join("}}, {{", lost) + "}}: " + translated);
      }
      if (!all(HTML_TAG, value, 0).equals(all(HTML_TAG, translated, 0))) {
        broken.add(key + " has other HTML than the English " + all(HTML_TAG, value, 0) + ": " + translated);
      }
    });
    assertThat(broken).as("%s/locales/zh.json against the webjar's en.json", app).isEmpty();
  }

  /** The webjar's own file, even if the project ever puts a file of that name beside it. */
  private static URL webjarFile(String path) throws IOException {
    for (URL url : Collections.list(classLoader().getResources(APPS + path))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        return url;
      }
    }
    throw new AssertionError("the Camunda webapp webjar has no " + APPS + path);
  }

  private static URL projectFile(String path) {
    URL url = classLoader().getResource(APPS + path);
    assertThat(url).as("src/main/resources/" + APPS + path).isNotNull();
    assertThat(url.toString()).as("the project's own " + path).doesNotContain("camunda-webapp-webjar");
    return url;
  }

  private static String webjarVersion() throws IOException {
    Properties pom = new Properties();
    try (InputStream in = classLoader().getResourceAsStream(
        "META-INF/maven/org.camunda.bpm.webapp/camunda-webapp-webjar/pom.properties")) {
      if (in == null) {
        return "(unknown version)";
      }
      pom.load(in);
    }
    return pom.getProperty("version");
  }

  private static ClassLoader classLoader() {
    return WebappTranslationsTest.class.getClassLoader();
  }

  private JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return json.readTree(in); // the webjar's files start with a byte order mark, which Jackson skips
    }
  }

  /** Every leaf by its path: labels.PLGN_INCIDENTS, dateLocales.months[0]. */
  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> leaves = new TreeMap<>();
    flatten(node, "", leaves);
    return leaves;
  }

  private static void flatten(JsonNode node, String path, Map<String, String> leaves) {
    if (node.isObject()) {
      node.properties().forEach(field ->
          flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), path + "[" + i + "]", leaves);
      }
    } else {
      leaves.put(path, node.asText());
    }
  }

  private static List<String> all(Pattern pattern, String text, int group) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(group == 0 ? matcher.group().replaceAll("\\s+", " ") : matcher.group(group));
    }
    Collections.sort(found);
    return found;
  }
}
