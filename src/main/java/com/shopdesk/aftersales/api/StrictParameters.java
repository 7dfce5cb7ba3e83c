package com.shopdesk.aftersales.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Query parameters follow the rules of JSON bodies: a parameter the call does not take ({@code limt=5}, which
 * Spring would ignore, so the default of 100 applies) and a parameter given twice ({@code limit=1&limit=500},
 * of which Spring would take the first) are refused, naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
public class StrictParameters implements WebMvcConfigurer, HandlerInterceptor {
  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**", "/sandbox/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
      return true;
    }
    Set<String> known = Arrays.stream(method.getMethodParameters())
        .map(StrictParameters::queryName)
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
    MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString()).build()
        .getQueryParams();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String name = decode(parameter.getKey());
      if (!known.contains(name)) {
        throw ApiException.badRequest(name, name + " is not a parameter of " + request.getMethod() + " "
            + request.getRequestURI()
            + (known.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", known)));
      }
      if (parameter.getValue().size() > 1) {
        throw ApiException.badRequest(name, name + " is given " + parameter.getValue().size() + " times: give it once");
      }
    }
    return true;
  }

  private static String queryName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param == null) {
      return null;
    }
    if (!param.name().isEmpty()) {
      return param.name();
    }
    // Spring's argument resolvers set this up on first use; this runs before them
    parameter.initParameterNameDiscovery(NAMES);
    return parameter.getParameterName();
  }

  private static String decode(String name) {
    try {
      return UriUtils.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncodedProperly) {
      return name;
    }
  }
}
