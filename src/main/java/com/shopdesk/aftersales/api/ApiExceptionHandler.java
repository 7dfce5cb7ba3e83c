package com.shopdesk.aftersales.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns every refusal of the product API into a JSON body that names the field. */
@RestControllerAdvice(basePackages = "com.shopdesk.aftersales")
public class ApiExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e) {
    return body(e.status(), e.field(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    var first = e.getBindingResult().getFieldErrors().stream()
        .sorted((a, b) -> a.getField().compareTo(b.getField()))
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

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      String message = mapping instanceof InvalidFormatException invalid
          ? field + " has an invalid value '" + invalid.getValue() + "'" + allowed(invalid.getTargetType())
          : field + " cannot be read: " + mapping.getOriginalMessage();
      return body(HttpStatus.BAD_REQUEST, field, message);
    }
    return body(HttpStatus.BAD_REQUEST, null, "the request body is not valid JSON");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
    return body(HttpStatus.BAD_REQUEST, e.getName(),
        e.getName() + " has an invalid value '" + e.getValue() + "'" + allowed(e.getRequiredType()));
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) sb.append('.');
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String allowed(Class<?> type) {
    if (type != null && type.isEnum()) {
      return "; allowed: " + java.util.Arrays.stream(type.getEnumConstants())
          .map(Object::toString).collect(Collectors.joining(", "));
    }
    return "";
  }

  private static ResponseEntity<ApiError> body(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), field, message));
  }
}
