package com.shopdesk.aftersales.security.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.api.ApiError;
import com.shopdesk.aftersales.security.errorpages.DeskErrorPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every login (before Spring Security and the engine REST API's Basic filter): tells the
 * engine's password check which address the request comes from, and refuses with 429 and Retry-After, before
 * any password is checked, a login the throttle holds back: HTTP Basic (the user in the Authorization
 * header) or the webapps' login form. Browsers get the desk's error page, other clients JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class LoginThrottleFilter extends OncePerRequestFilter {
  private final LoginThrottle throttle;
  private final ObjectMapper json;

  public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    LoginFormRequest form = LoginFormRequest.of(request);
    HttpServletRequest passedOn = form == null ? request : form;
    String user = form == null ? basicUser(request) : form.username();
    String address = request.getRemoteAddr();
    if (user != null) {
      Duration wait = throttle.waitBefore(address, user);
      if (!wait.isZero()) {
        refuse(request, response, wait);
        return;
      }
    }
    ClientRequest.begin(address);
    try {
      chain.doFilter(passedOn, response);
    } finally {
      ClientRequest.end();
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    if (DeskErrorPages.wantsHtml(request)) {
      response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
      return;
    }
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), new ApiError(HttpStatus.TOO_MANY_REQUESTS.value(),
        HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(), null, "密码错误次数太多，请 " + seconds + " 秒后再试。"));
  }

  /** The user name of HTTP Basic credentials, or null when the request has none. */
  private static String basicUser(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return colon < 0 ? null : credentials.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
