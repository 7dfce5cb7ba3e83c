package com.shopdesk.aftersales.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON bodies must be well-formed UTF-8. Jackson refuses most bad bytes itself but decodes overlong sequences
 * (C0 AF is read as '/'), the classic way past a filter that looks for the real character; Java's decoder is
 * strict. A body that declares another charset is decoded as declared, by Spring.
 */
@ControllerAdvice(basePackages = "com.shopdesk.aftersales")
class StrictUtf8 extends RequestBodyAdviceAdapter {
  private static final JsonFactory JSON = new JsonFactory();

  /** A body that is not UTF-8, with the field the bad bytes are in (when the JSON before them tells). */
  static final class NotUtf8Exception extends HttpMessageNotReadableException {
    private final String field;

    NotUtf8Exception(int offset, String field, HttpInputMessage input) {
      super("the request body is not valid UTF-8" + (field.isEmpty() ? "" : " in " + field) + " (byte " + offset
          + ")", input);
      this.field = field.isEmpty() ? null : field;
    }

    String field() {
      return field;
    }
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
    MediaType type = input.getHeaders().getContentType();
    if (type != null && type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
      return input;
    }
    byte[] body = input.getBody().readAllBytes();
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(body);
    CoderResult result = strict.decode(bytes, CharBuffer.allocate(body.length), true);
    if (result.isError()) {
      throw new NotUtf8Exception(bytes.position(), fieldBefore(body, bytes.position()), input);
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }

  /** Where the JSON that precedes the bad bytes leaves off, e.g. inside the value of orderNo. */
  private static String fieldBefore(byte[] body, int offset) {
    try (JsonParser parser = JSON.createParser(body, 0, offset)) {
      try {
        while (parser.nextToken() != null) {
          // read up to the bad bytes
        }
      } catch (IOException endsInsideAValue) {
        // expected: the good part ends where the bad bytes begin
      }
      return JsonPath.of(parser.getParsingContext());
    } catch (IOException e) {
      return "";
    }
  }
}
