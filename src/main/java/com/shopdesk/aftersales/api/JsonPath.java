package com.shopdesk.aftersales.api;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where in a request body something is, written as the API's {@code field}: {@code items[0].quantity}, and an
 * entry of a map as {@code items[SKU]} (as bean validation names it).
 */
final class JsonPath {
  private JsonPath() {}

  /** From Jackson's path of a mapping error. */
  static String of(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null && ref.getFrom() instanceof Map) {
        sb.append('[').append(ref.getFieldName()).append(']');
      } else if (ref.getFieldName() != null) {
        name(sb, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** From where a parser stands. */
  static String of(JsonStreamContext context) {
    List<JsonStreamContext> outermostFirst = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      outermostFirst.add(0, c);
    }
    StringBuilder sb = new StringBuilder();
    for (JsonStreamContext c : outermostFirst) {
      if (c.inArray()) {
        sb.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
      } else if (c.getCurrentName() != null) {
        name(sb, c.getCurrentName());
      }
    }
    return sb.toString();
  }

  /**
   * Where the parser stopped, where that is deeper than Jackson's path of the error (a bad token inside a list
   * element or a map), keeping a map's entry as items[SKU]. The parser itself cannot tell a map from an object.
   */
  static String of(JsonMappingException mapped, JsonStreamContext parser) {
    String known = mapped == null ? "" : of(mapped);
    String deeper = of(parser);
    if (known.length() >= deeper.length()) {
      return known;
    }
    if (known.isEmpty() || !deeper.startsWith(known + ".")
        || !isMap(mapped.getPath().get(mapped.getPath().size() - 1))) {
      return deeper;
    }
    String rest = deeper.substring(known.length() + 1);
    int end = rest.indexOf('.') < 0 ? rest.length() : rest.indexOf('.');
    return known + "[" + rest.substring(0, end) + "]" + rest.substring(end);
  }

  private static boolean isMap(JsonMappingException.Reference ref) {
    if (ref.getFrom() == null || ref.getFieldName() == null) {
      return false;
    }
    Class<?> type = ref.getFrom() instanceof Class<?> c ? c : ref.getFrom().getClass();
    try {
      return Map.class.isAssignableFrom(type.getDeclaredField(ref.getFieldName()).getType());
    } catch (NoSuchFieldException notAField) {
      return false;
    }
  }

  private static void name(StringBuilder path, String name) {
    if (!path.isEmpty()) path.append('.');
    path.append(name);
  }
}
