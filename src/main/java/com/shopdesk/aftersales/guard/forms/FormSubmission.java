package com.shopdesk.aftersales.guard.forms;

import com.shopdesk.aftersales.guard.forms.FormSchema.Bound;
import com.shopdesk.aftersales.guard.forms.FormSchema.Field;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks what a task completion submits against the task's form: only the form's fields, each of its kind
 * (no coercion: "true" is not true, "1.5" is not a number), required ones present unless the form hides them,
 * options among the form's, numbers and texts within their bounds, money fields never more than the case may
 * still refund. Messages are for the agent who pressed 完成 and name the variable.
 */
public final class FormSubmission {
  /** Evaluates a FEEL expression (a bound, a hide condition) on variables. */
  @FunctionalInterface
  public interface Feel {
    Object evaluate(String expression, Map<String, Object> variables);
  }

  /** The most a money field may say, and what that limit is, e.g. "订单剩余可退金额". */
  public record Ceiling(BigDecimal amount, String what) {}

  private FormSubmission() {}

  /**
   * Returns normally when the submission is allowed; throws {@link FieldRefused} naming the first variable that
   * is not. {@code current}: the variables the task sees now; {@code ceiling}: the limit for money fields.
   */
  public static void check(FormSchema form, Map<String, ?> submitted, Map<String, Object> current, Feel feel,
      Supplier<Optional<Ceiling>> ceiling) {
    Map<String, Object> values = new HashMap<>();
    for (Map.Entry<String, ?> entry : (submitted == null ? Map.<String, Object>of() : submitted).entrySet()) {
      Field field = form.fields().get(entry.getKey());
      if (field == null) {
        throw new FieldRefused(entry.getKey(), "表单「" + form.id() + "」没有字段 " + entry.getKey()
            + "：完成任务只能提交表单上的字段（" + String.join("、", form.fields().keySet()) + "）");
      }
      values.put(entry.getKey(), plainValue(field, entry.getValue()));
    }
    Map<String, Object> data = new HashMap<>(current);
    data.putAll(values);
    for (Field field : form.fields().values()) {
      Object value = values.get(field.key());
      boolean submittedIt = values.containsKey(field.key()) && value != null;
      if (field.hideWhen() != null && Boolean.TRUE.equals(feel.evaluate(field.hideWhen(), data))) {
        if (submittedIt) {
          throw new FieldRefused(field.key(), field.describe() + "在当前选择下不适用，不能提交");
        }
        continue;
      }
      if (field.readOnly()) {
        if (submittedIt && !same(value, current.get(field.key()))) {
          throw new FieldRefused(field.key(), field.describe() + "只读，不能修改");
        }
        continue;
      }
      if (!submittedIt || (value instanceof String text && text.isBlank() && field.kind() == FormSchema.Kind.TEXT)) {
        if (field.required()) {
          throw new FieldRefused(field.key(), "请填写" + field.describe());
        }
        continue;
      }
      switch (field.kind()) {
        case TEXT -> text(field, value);
        case NUMBER -> number(field, value, data, feel, ceiling);
        case CHOICE -> choice(field, value);
        case BOOLEAN -> {
          if (!(value instanceof Boolean)) {
            throw new FieldRefused(field.key(), field.describe() + "应为是/否（true/false），收到的是 " + shown(value));
          }
        }
      }
    }
  }

  /** The value inside a typed value; only plain values (text, numbers, true/false, null) are accepted. */
  private static Object plainValue(Field field, Object value) {
    if (value instanceof SerializableValue || value instanceof FileValue) {
      throw new FieldRefused(field.key(), field.describe() + "只能是文字、数字或是/否，不能是对象或文件");
    }
    Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
    if (plain != null && !(plain instanceof String || plain instanceof Boolean || plain instanceof Number)) {
      throw new FieldRefused(field.key(), field.describe() + "只能是文字、数字或是/否，收到的是 " + shown(plain));
    }
    return plain;
  }

  private static void text(Field field, Object value) {
    if (!(value instanceof String text)) {
      throw new FieldRefused(field.key(), field.describe() + "应为文字，收到的是 " + shown(value));
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      throw new FieldRefused(field.key(), field.describe() + "最多 " + field.maxLength() + " 个字，现有 " + text.length() + " 个");
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      throw new FieldRefused(field.key(), field.describe() + "至少 " + field.minLength() + " 个字");
    }
    if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      throw new FieldRefused(field.key(), field.describe() + "格式不对");
    }
  }

  private static void number(Field field, Object value, Map<String, Object> data, Feel feel,
      Supplier<Optional<Ceiling>> ceiling) {
    BigDecimal number = decimal(value);
    if (number == null) {
      throw new FieldRefused(field.key(), field.describe() + "应为数字，收到的是 " + shown(value));
    }
    if (field.decimalDigits() != null && Math.max(0, number.stripTrailingZeros().scale()) > field.decimalDigits()) {
      throw new FieldRefused(field.key(), field.describe() + "最多 " + field.decimalDigits() + " 位小数，收到的是 "
          + number.toPlainString());
    }
    BigDecimal min = bound(field, field.min(), data, feel);
    if (min == null && field.isMoney()) {
      min = BigDecimal.ZERO;
    }
    if (min != null && number.compareTo(min) < 0) {
      throw new FieldRefused(field.key(), field.describe() + "不能小于 " + shown(field, min));
    }
    BigDecimal max = bound(field, field.max(), data, feel);
    if (max != null && number.compareTo(max) > 0) {
      throw new FieldRefused(field.key(), field.describe() + "不能大于 " + shown(field, max));
    }
    if (field.isMoney()) {
      ceiling.get().ifPresent(limit -> {
        if (number.compareTo(limit.amount()) > 0) {
          throw new FieldRefused(field.key(), field.describe() + "不能大于" + limit.what() + " "
              + limit.amount().toPlainString());
        }
      });
    }
  }

  /** Money bounds read as money (1500.00, not 1500). */
  private static String shown(Field field, BigDecimal bound) {
    return field.isMoney() && bound.scale() < 2 ? bound.setScale(2).toPlainString() : bound.toPlainString();
  }

  private static BigDecimal bound(Field field, Bound bound, Map<String, Object> data, Feel feel) {
    if (bound == null) return null;
    if (bound.number() != null) return bound.number();
    BigDecimal value;
    try {
      value = decimal(feel.evaluate(bound.expression(), data));
    } catch (RuntimeException e) {
      value = null;
    }
    if (value == null) {
      // a bound that cannot be worked out refuses rather than lets anything through
      throw new FieldRefused(field.key(), field.describe() + "的界限 " + bound + " 无法计算，请联系流程分析人员");
    }
    return value;
  }

  private static void choice(Field field, Object value) {
    for (Object option : field.options()) {
      if (same(option, value)) {
        return;
      }
    }
    throw new FieldRefused(field.key(), field.describe() + "只能是 " + field.options().stream().map(FormSubmission::shown)
        .collect(Collectors.joining("、")) + " 之一，收到的是 " + shown(value));
  }

  /** Equal without coercion between kinds: numbers by value, everything else as it is. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      BigDecimal x = decimal(a);
      BigDecimal y = decimal(b);
      return x != null && y != null && x.compareTo(y) == 0;
    }
    return a == null ? b == null : a.equals(b);
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) return d;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    if (value instanceof java.math.BigInteger i) return new BigDecimal(i);
    if (value instanceof Number other) { // e.g. the FEEL engine's scala.math.BigDecimal
      try {
        return new BigDecimal(other.toString());
      } catch (NumberFormatException notADecimal) {
        return null;
      }
    }
    return null;
  }

  private static String shown(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
