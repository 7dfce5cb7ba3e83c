package com.shopdesk.aftersales.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns every refusal of the product API into a JSON body that names the field. */
@RestControllerAdvice(basePackages = "com.shopdesk.aftersales")
public class ApiExceptionHandler {
  /** Longest piece of the caller's input a message quotes back. */
  private static final int QUOTED = 80;
  private static final Pattern COERCED =
      Pattern.compile("Cannot coerce (String|Integer|Floating-point|Boolean) value \\((.*?)\\) to");
  private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e) {
    return body(e.status(), e.field(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    var first = e.getBindingResult().getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .findFirst();
    if (first.isEmpty()) {
      return body(HttpStatus.BAD_REQUEST, null, e.getBindingResult().getAllErrors().get(0).getDefaultMessage());
    }
    String all = e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField() + " " + f.getDefaultMessage())
        .sorted()
        .collect(Collectors.joining("; "));
    return body(HttpStatus.BAD_REQUEST, first.get().getField(), all);
  }

  /** A constraint on a path variable or query parameter (e.g. {@code @Size} on an order number). */
  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
    var first = e.getParameterValidationResults().get(0);
    String name = first.getMethodParameter().getParameterName();
    String why = first.getResolvableErrors().stream().map(MessageSourceResolvable::getDefaultMessage)
        .collect(Collectors.joining("; "));
    return body(HttpStatus.BAD_REQUEST, name, name + " " + why);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return body(HttpStatus.BAD_REQUEST, e.getParameterName(), e.getParameterName() + " is required");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
    String value = String.valueOf(e.getValue());
    if (expected(e.getRequiredType()).equals("a whole number") && value.matches("-?\\d+")) {
      return body(HttpStatus.BAD_REQUEST, e.getName(), e.getName() + " is out of range: " + quote(value));
    }
    return body(HttpStatus.BAD_REQUEST, e.getName(),
        e.getName() + " must be " + expected(e.getRequiredType()) + ", not '" + quote(value) + "'");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "the body must be sent as " + MediaType.APPLICATION_JSON_VALUE
        + (e.getContentType() == null ? " (the request names no Content-Type)"
            : ", not " + quote(e.getContentType())));
  }

  @ExceptionHandler(StrictUtf8.NotUtf8Exception.class)
  ResponseEntity<ApiError> notUtf8(StrictUtf8.NotUtf8Exception e) {
    return body(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
  }

  /** The body is not JSON, or not the JSON this call reads (see {@link StrictJson}). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    JacksonException jackson = deepestJacksonCause(e);
    if (jackson == null) {
      boolean missing = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
      return body(HttpStatus.BAD_REQUEST, null, missing ? "the request body is missing: send a JSON object"
          : "the request body cannot be read");
    }
    if (jackson instanceof StreamReadException parse) {
      return notJson(parse, e.getCause() instanceof JsonMappingException mapping ? mapping : null);
    }
    if (jackson instanceof StreamConstraintsException tooMuch) {
      String field = e.getCause() instanceof JsonMappingException mapping ? JsonPath.of(mapping) : "";
      return body(HttpStatus.BAD_REQUEST, field.isEmpty() ? null : field, "the request body exceeds a limit"
          + (field.isEmpty() ? "" : " at " + field) + ": " + firstLine(tooMuch.getOriginalMessage()));
    }
    if (!(e.getCause() instanceof JsonMappingException mapping)) {
      return body(HttpStatus.BAD_REQUEST, null, "the request body is not valid JSON");
    }
    String field = JsonPath.of(mapping);
    if (field.isEmpty()) {
      String trailing = mapping.getOriginalMessage();
      return body(HttpStatus.BAD_REQUEST, null, trailing != null && trailing.startsWith("Trailing token")
          ? "the request body must be one JSON object, with nothing after it"
          : "the request body must be a JSON object");
    }
    String message;
    if (mapping instanceof PropertyBindingException unknown) {
      message = field + " is not a field of this request" + (unknown.getKnownPropertyIds() == null ? ""
          : "; the fields here are " + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", ")));
    } else if (mapping instanceof InvalidNullException) {
      message = field + " must not be null";
    } else if (mapping instanceof InvalidFormatException invalid) {
      message = field + " must be " + expected(invalid.getTargetType()) + ", not " + given(invalid.getValue());
    } else if (mapping instanceof MismatchedInputException mismatch) {
      message = field + " must be " + expected(mismatch.getTargetType()) + given(mismatch);
    } else {
      message = field + " cannot be read: " + mapping.getOriginalMessage();
    }
    return body(HttpStatus.BAD_REQUEST, field, message);
  }

  /**
   * Refused by the parser itself: not JSON, a key given twice, a number no field can hold. The parser knows
   * where it stopped, which names the field even where Jackson's path stops at the enclosing object (a
   * duplicate key, a bad token inside a list element).
   */
  private static ResponseEntity<ApiError> notJson(StreamReadException e, JsonMappingException mapped) {
    String field = e.getProcessor() != null ? JsonPath.of(mapped, e.getProcessor().getParsingContext())
        : mapped != null ? JsonPath.of(mapped) : "";
    String at = e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String message;
    if (original.startsWith("Duplicate field")) {
      message = field + " is given twice" + at + ": each field may appear once";
    } else if (e instanceof InputCoercionException coercion) {
      message = field + " is out of range" + at + " for " + expected(coercion.getTargetType());
    } else if (e instanceof JsonEOFException) {
      message = "the request body is not valid JSON: it ends" + (field.isEmpty() ? "" : " inside " + field)
          + " before the JSON is complete";
    } else {
      message = "the request body is not valid JSON" + (field.isEmpty() ? "" : " at " + field) + at + ": "
          + firstLine(original);
    }
    return body(HttpStatus.BAD_REQUEST, field.isEmpty() ? null : field, message);
  }

  private static JacksonException deepestJacksonCause(Throwable e) {
    JacksonException deepest = null;
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof JacksonException j) {
        deepest = j;
      }
    }
    return deepest;
  }

  /** What the field takes, in a caller's words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == BigInteger.class) {
      return "a whole number";
    }
    if (type == BigDecimal.class || type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return StrictJson.ShopDateTime.EXPECTED;
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  private static String given(Object value) {
    if (value instanceof String s) {
      return "the string \"" + quote(s) + "\"";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return quote(value);
    }
    return value == null ? "null" : "'" + quote(value) + "'";
  }

  /**
   * ", not the string "1.00"" and the like. The parser is closed by now, so what it read is taken from
   * Jackson's message ("Cannot coerce String value ("1.00") to ...", "... from Object value (token ...)").
   */
  private static String given(MismatchedInputException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher coerced = COERCED.matcher(original);
    if (coerced.find()) {
      return ", not " + (coerced.group(1).equals("String") ? "the string " : "") + quote(coerced.group(2));
    }
    Matcher token = TOKEN.matcher(original);
    if (!token.find()) {
      return "";
    }
    return switch (token.group(1)) {
      case "VALUE_STRING" -> ", not a string";
      case "VALUE_NUMBER_INT" -> ", not a whole number";
      case "VALUE_NUMBER_FLOAT" -> ", not a number with a fraction or exponent";
      case "VALUE_TRUE", "VALUE_FALSE" -> ", not a boolean";
      case "START_OBJECT", "FIELD_NAME" -> ", not an object";
      case "START_ARRAY" -> ", not a list";
      default -> "";
    };
  }

  private static String quote(Object value) {
    String s = String.valueOf(value);
    return s.length() <= QUOTED ? s : s.substring(0, QUOTED) + "…";
  }

  /** Jackson's first sentence, without its advice to programmers (which feature or constraint to change). */
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int end = s.indexOf('\n');
    String line = end < 0 ? s : s.substring(0, end);
    int advice = line.indexOf(": enable `");
    line = (advice < 0 ? line : line.substring(0, advice)).replaceAll(",? from `[^`]*`", "");
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }

  private static ResponseEntity<ApiError> body(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), field, message));
  }
}
