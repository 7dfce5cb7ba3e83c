package com.shopdesk.aftersales.security.errorpages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Some refusals are a bare status with no body (the engine REST API's 401, Spring Security's 403 for the
 * Admin setup endpoint), which a browser shows as an empty page. When a browser asked for a page and the
 * request ends with such a status and nothing sent, it is sent as an error, so the browser gets the desk's
 * error page (DeskErrorPages). Headers already set, such as WWW-Authenticate, stay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class BareErrorStatusFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!DeskErrorPages.wantsHtml(request)) {
      chain.doFilter(request, response);
      return;
    }
    StatusRecorder recorder = new StatusRecorder(response);
    chain.doFilter(request, recorder);
    if (recorder.errorStatus > 0 && !response.isCommitted()) {
      response.sendError(recorder.errorStatus);
    }
  }

  private static final class StatusRecorder extends HttpServletResponseWrapper {
    private int errorStatus;

    StatusRecorder(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      errorStatus = status >= 400 ? status : 0;
      super.setStatus(status);
    }
  }
}
