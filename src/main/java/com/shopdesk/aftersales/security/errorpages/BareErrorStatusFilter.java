package com.shopdesk.aftersales.security.errorpages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refusals a browser would otherwise see raw: a bare status with no body (the engine REST API's 401, Spring
 * Security's 403 for the Admin setup endpoint), which shows as an empty page, and the engine REST API's JSON
 * errors (a 403, 404 or 405 for whoever opens an /engine-rest address in the browser). When a browser asked
 * for a page, such a response is sent as an error instead, so the browser gets the desk's Chinese error page
 * (DeskErrorPages). Headers already set, such as WWW-Authenticate, stay. Programs asking for JSON, the
 * webapps' own calls included, get the response as it was.
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
    boolean engineRest = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
    StatusRecorder recorder = new StatusRecorder(response, engineRest);
    chain.doFilter(request, recorder);
    if (recorder.errorStatus > 0 && !response.isCommitted()) {
      response.sendError(recorder.errorStatus);
    }
  }

  private static final class StatusRecorder extends HttpServletResponseWrapper {
    /** Whether an error's own body (the engine REST API's JSON) gives way to the page. */
    private final boolean replaceBody;
    private int errorStatus;

    StatusRecorder(HttpServletResponse response, boolean replaceBody) {
      super(response);
      this.replaceBody = replaceBody;
    }

    @Override
    public void setStatus(int status) {
      errorStatus = status >= 400 ? status : 0;
      super.setStatus(status);
    }

    private boolean discarding() {
      return replaceBody && errorStatus > 0;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ServletOutputStream real = super.getOutputStream();
      return new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
          if (!discarding()) real.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (!discarding()) real.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
          if (!discarding()) real.flush();
        }

        @Override
        public boolean isReady() {
          return real.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          real.setWriteListener(listener);
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!replaceBody) {
        return super.getWriter();
      }
      OutputStream out = getOutputStream();
      return new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!discarding()) super.flushBuffer();
    }
  }
}
