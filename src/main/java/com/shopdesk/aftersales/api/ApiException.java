package com.shopdesk.aftersales.api;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains to its caller: the status, the offending field, and why. Where the same refusal
 * can also reach an agent in Tasklist (a correction started there), it carries the sentence the agent reads.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String field;
  private String forDesk;

  public ApiException(HttpStatus status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, field, message);
  }

  public static ApiException notFound(String field, String message) {
    return new ApiException(HttpStatus.NOT_FOUND, field, message);
  }

  public static ApiException conflict(String field, String message) {
    return new ApiException(HttpStatus.CONFLICT, field, message);
  }

  public static ApiException unprocessable(String field, String message) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, field, message);
  }

  /** The same refusal in the desk's words, for an agent who met it in Tasklist. */
  public ApiException forDesk(String message) {
    this.forDesk = message;
    return this;
  }

  /** What an agent reads: the desk's sentence if it has one, else the API's. */
  public String deskMessage() {
    return forDesk != null ? forDesk : getMessage();
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }
}
