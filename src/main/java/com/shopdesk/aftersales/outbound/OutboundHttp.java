package com.shopdesk.aftersales.outbound;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * HTTP to the outside systems the adapters talk to: a client whose connect and read both give up after the
 * adapter's timeout (so a hung provider is a failed step that retries, not a job thread held), and how such a
 * failure reads in an incident.
 */
public final class OutboundHttp {
  private OutboundHttp() {}

  public static RestClient client(Duration timeout) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(timeout).build());
    requests.setReadTimeout(timeout);
    return RestClient.builder().requestFactory(requests).build();
  }

  /** "{provider} 暂时无法访问（{what}）：ConnectException …", naming the cause rather than the client's wrapper. */
  public static IllegalStateException unreachable(String provider, String what, RestClientException e) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    return new IllegalStateException(provider + "暂时无法访问（" + what + "）：" + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " " + cause.getMessage()), e);
  }
}
