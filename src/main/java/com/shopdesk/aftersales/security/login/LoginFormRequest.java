package com.shopdesk.aftersales.security.login;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The webapps' login form (POST /camunda/api/admin/auth/user/{engine}/login/{app}), whose user name the
 * throttle needs before the webapp reads it. The start of the body is read here and handed on unchanged:
 * reading it as request parameters would leave the webapp's JAX-RS resource a consumed body.
 */
final class LoginFormRequest extends HttpServletRequestWrapper {
  private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
  private static final int HEAD_BYTES = 8 * 1024;
  private final byte[] head;
  private ServletInputStream body;

  private LoginFormRequest(HttpServletRequest request) throws IOException {
    super(request);
    head = request.getInputStream().readNBytes(HEAD_BYTES);
  }

  /** The request as the login form, or null when it is something else. */
  static LoginFormRequest of(HttpServletRequest request) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String type = request.getContentType();
    boolean login = "POST".equals(request.getMethod()) && LOGIN.matcher(path).matches()
        && type != null && type.startsWith("application/x-www-form-urlencoded");
    return login ? new LoginFormRequest(request) : null;
  }

  /** The form's username, or null when it has none. */
  String username() {
    for (String field : new String(head, StandardCharsets.ISO_8859_1).split("&")) {
      if (field.startsWith("username=")) {
        return URLDecoder.decode(field.substring("username=".length()), charset());
      }
    }
    return null;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (body == null) {
      body = new ReplayedStream(new SequenceInputStream(new ByteArrayInputStream(head), super.getInputStream()));
    }
    return body;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
  }

  private Charset charset() {
    return getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
  }

  private static final class ReplayedStream extends ServletInputStream {
    private final InputStream in;
    private boolean finished;

    ReplayedStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      finished = b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      finished = n < 0;
      return n;
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("the login form is read synchronously");
    }
  }
}
