package com.shopdesk.aftersales.guard.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The input fields of a Camunda Form (a {@code .form} file) as the engine enforces them when a task is
 * completed: what each field is, whether it is required, its bounds and its options. Only what the desk can
 * check on the server is accepted; a form using anything else is refused when it is parsed (at deployment),
 * so a completion is never checked against rules it does not understand.
 */
public final class FormSchema {
  /** What a field submits. */
  public enum Kind { TEXT, NUMBER, CHOICE, BOOLEAN }

  /**
   * A bound written as a number ({@code 0.01}) or as a FEEL expression on the task's variables ({@code =amount}).
   */
  public record Bound(BigDecimal number, String expression) {
    @Override
    public String toString() {
      return number != null ? number.toPlainString() : "=" + expression;
    }
  }

  /**
   * One input field. {@code hideWhen}: the FEEL condition under which the form hides it (then it is neither
   * required nor accepted); {@code options}: the values a radio or select offers, as JSON gives them (Boolean,
   * String or BigDecimal).
   */
  public record Field(String key, String label, String type, Kind kind, boolean required, Integer minLength,
      Integer maxLength, Pattern pattern, Bound min, Bound max, Integer decimalDigits, List<Object> options,
      String hideWhen, boolean readOnly) {

    /** Money fields are the number fields whose key ends in "Amount" (refundAmount, compensationAmount, …). */
    public boolean isMoney() {
      return kind == Kind.NUMBER && key.endsWith("Amount");
    }

    public String describe() {
      return label == null || label.isBlank() ? key : "「" + label + "」（" + key + "）";
    }
  }

  /** A form text without a limit of its own is still bounded, so a completion cannot store a novel. */
  static final int DEFAULT_MAX_LENGTH = 2000;
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> DISPLAY_TYPES = Set.of("text", "spacer", "separator");
  private static final Map<String, Kind> INPUT_TYPES = Map.of("textfield", Kind.TEXT, "textarea", Kind.TEXT,
      "number", Kind.NUMBER, "radio", Kind.CHOICE, "select", Kind.CHOICE, "checkbox", Kind.BOOLEAN);
  private static final Set<String> VALIDATIONS = Set.of("required", "min", "max", "minLength", "maxLength", "pattern");
  /** Component properties that would make a field submit something other than its plain value. */
  private static final Set<String> UNSUPPORTED_PROPERTIES = Set.of("valuesKey", "valuesExpression", "serializeToString",
      "path", "expression", "computeOn");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final Map<String, Field> fields;

  private FormSchema(String id, Map<String, Field> fields) {
    this.id = id;
    this.fields = Collections.unmodifiableMap(fields);
  }

  public String id() {
    return id;
  }

  /** The input fields by key, in the form's order. */
  public Map<String, Field> fields() {
    return fields;
  }

  /**
   * Reads a form; throws {@link IllegalArgumentException} with a message naming the resource and the component
   * when the form uses something the desk cannot enforce.
   */
  public static FormSchema parse(String resourceName, byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(resourceName + " is not a valid form (JSON): " + e.getMessage());
    }
    if (root == null || !root.path("id").isTextual() || root.path("id").asText().isBlank()) {
      throw new IllegalArgumentException(resourceName + ": a form needs an \"id\"");
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(resourceName, root.path("components"), null, fields);
    return new FormSchema(root.path("id").asText(), fields);
  }

  private static void collect(String resource, JsonNode components, String groupHide, Map<String, Field> into) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String where = resource + ", component '" + component.path("id").asText(component.path("key").asText("?")) + "'";
      for (String property : UNSUPPORTED_PROPERTIES) {
        if (component.has(property)) {
          throw new IllegalArgumentException(where + ": '" + property + "' is not supported; list options in the "
              + "form and use plain fields");
        }
      }
      String hide = hideCondition(where, component);
      if ("group".equals(type)) {
        collect(resource, component.path("components"), combine(groupHide, hide), into);
      } else if (INPUT_TYPES.containsKey(type)) {
        Field field = field(where, type, component, combine(groupHide, hide));
        if (into.putIfAbsent(field.key(), field) != null) {
          throw new IllegalArgumentException(where + ": the key '" + field.key() + "' is used by two fields");
        }
      } else if (!DISPLAY_TYPES.contains(type)) {
        throw new IllegalArgumentException(where + ": the component type '" + type + "' is not supported by the "
            + "desk; use " + String.join(", ", INPUT_TYPES.keySet()) + " for input and text, spacer, separator, "
            + "group for layout");
      }
    }
  }

  private static Field field(String where, String type, JsonNode c, String hide) {
    String key = c.path("key").asText();
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(where + ": the key '" + key + "' must be a plain variable name");
    }
    JsonNode validate = c.path("validate");
    validate.fieldNames().forEachRemaining(name -> {
      if (!VALIDATIONS.contains(name)) {
        throw new IllegalArgumentException(where + ": the validation '" + name + "' is not supported");
      }
    });
    Kind kind = INPUT_TYPES.get(type);
    List<Object> options = new ArrayList<>();
    if (kind == Kind.CHOICE) {
      for (JsonNode value : c.path("values")) {
        options.add(plain(where, value.path("value")));
      }
      if (options.isEmpty()) {
        throw new IllegalArgumentException(where + ": a " + type + " needs its options listed in the form");
      }
    }
    Integer decimals = c.has("decimalDigits") ? c.path("decimalDigits").asInt() : null;
    if (kind == Kind.NUMBER && key.endsWith("Amount")) {
      if (decimals != null && decimals > 2) {
        throw new IllegalArgumentException(where + ": a money field has at most 2 decimal digits");
      }
      decimals = 2;
    }
    Integer maxLength = validate.has("maxLength") ? validate.path("maxLength").asInt() : null;
    if (kind == Kind.TEXT && maxLength == null) {
      maxLength = DEFAULT_MAX_LENGTH;
    }
    return new Field(key, c.path("label").asText(null), type, kind, validate.path("required").asBoolean(false),
        validate.has("minLength") ? validate.path("minLength").asInt() : null, maxLength,
        pattern(where, validate.path("pattern")), bound(where, validate.path("min")), bound(where, validate.path("max")),
        decimals, List.copyOf(options), hide, flag(where, c, "readonly") || flag(where, c, "disabled"));
  }

  private static Object plain(String where, JsonNode value) {
    if (value.isBoolean()) return value.booleanValue();
    if (value.isNumber()) return value.decimalValue();
    if (value.isTextual()) return value.textValue();
    throw new IllegalArgumentException(where + ": option values must be text, numbers or true/false");
  }

  private static Bound bound(String where, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) return null;
    if (node.isNumber()) return new Bound(node.decimalValue(), null);
    if (node.isTextual() && node.textValue().startsWith("=") && node.textValue().length() > 1) {
      return new Bound(null, node.textValue().substring(1));
    }
    throw new IllegalArgumentException(where + ": a bound must be a number or a FEEL expression such as =amount");
  }

  private static Pattern pattern(String where, JsonNode node) {
    if (node.isMissingNode() || node.isNull() || node.asText().isEmpty()) return null;
    try {
      return Pattern.compile(node.asText());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(where + ": the pattern is not a valid regular expression");
    }
  }

  private static boolean flag(String where, JsonNode c, String property) {
    JsonNode node = c.path(property);
    if (node.isMissingNode() || node.isNull()) return false;
    if (node.isBoolean()) return node.booleanValue();
    throw new IllegalArgumentException(where + ": '" + property + "' must be true or false, not an expression");
  }

  private static String hideCondition(String where, JsonNode c) {
    JsonNode hide = c.path("conditional").path("hide");
    if (hide.isMissingNode() || hide.isNull()) return null;
    if (hide.isTextual() && hide.textValue().startsWith("=") && hide.textValue().length() > 1) {
      return hide.textValue().substring(1);
    }
    throw new IllegalArgumentException(where + ": conditional.hide must be a FEEL expression such as =approved != true");
  }

  private static String combine(String outer, String inner) {
    if (outer == null) return inner;
    if (inner == null) return outer;
    return "(" + outer + ") or (" + inner + ")";
  }
}
