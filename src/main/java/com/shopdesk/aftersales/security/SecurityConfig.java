package com.shopdesk.aftersales.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.api.ApiError;
import com.shopdesk.aftersales.security.login.CachedEngineRestAuthentication;
import com.shopdesk.aftersales.security.login.CredentialCache;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Who may call what. The product API and the sandbox take HTTP Basic against the engine's users: agents and
 * managers open and read cases and enter a buyer's return parcel; orders, courier events and the sandbox's
 * controls come only from the platform/courier integrations (and the admin); anything else under /api is
 * refused until it is given its row here and in the README's table. The engine
 * REST API (which Modeler deploys to) is guarded by Camunda's own Basic filter, so the engine's
 * authorizations apply to whoever calls it. The webapps keep their own login. The Admin first-run setup
 * endpoint is refused outright: the admin user comes from configuration.
 */
@Configuration
public class SecurityConfig {
  /** The platform's and couriers' technical users, and the admin. */
  private static final String[] SYSTEMS = {"GROUP_" + DeskGroups.INTEGRATIONS, "GROUP_" + Groups.CAMUNDA_ADMIN};
  /** Whoever works cases: agents, managers, the platform integration, the admin. */
  private static final String[] DESK = {"GROUP_" + DeskGroups.AGENTS, "GROUP_" + DeskGroups.MANAGERS,
      "GROUP_" + DeskGroups.INTEGRATIONS, "GROUP_" + Groups.CAMUNDA_ADMIN};

  private static final String[] CORRECTORS = DeskGroups.CORRECTORS.stream().map(g -> "GROUP_" + g)
      .toArray(String[]::new);

  @Bean
  @Order(1)
  SecurityFilterChain productApi(HttpSecurity http, ObjectMapper json) throws Exception {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("aftersales");
    return http
        .securityMatcher("/api/**", "/sandbox/**")
        .authorizeHttpRequests(a -> a
            .requestMatchers(HttpMethod.POST, "/api/orders", "/api/courier-events").hasAnyAuthority(SYSTEMS)
            .requestMatchers("/sandbox/**").hasAnyAuthority(SYSTEMS)
            .requestMatchers(HttpMethod.GET, "/api/orders/*", "/api/cases", "/api/cases/*", "/api/platform-refunds",
                "/api/platform-refunds/*").hasAnyAuthority(DESK)
            .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/*/return-shipment", "/api/cases/*/remarks",
                "/api/cases/*/withdraw", "/api/cases/*/refund-inquiries")
            .hasAnyAuthority(DESK)
            .requestMatchers(HttpMethod.PATCH, "/api/cases/*").hasAnyAuthority(CORRECTORS)
            // a gift promised in chat: agents, managers and the admin (as for corrections) record it, not the platform
            .requestMatchers(HttpMethod.POST, "/api/orders/*/promised-gifts").hasAnyAuthority(CORRECTORS)
            .requestMatchers(HttpMethod.GET, "/api/orders/*/promised-gifts").hasAnyAuthority(DESK)
            // 快递100 signs its pushes with the desk's salt instead of logging in (courier/kuaidi100)
            .requestMatchers(HttpMethod.POST, "/api/callbacks/kuaidi100").permitAll()
            .anyRequest().denyAll())
        // EngineUserAuthenticationProvider, the one provider bean, is Spring Security's global one: naming it
        // here too would check a wrong password twice (once here, once in the parent manager)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
          response.setStatus(HttpStatus.FORBIDDEN.value());
          response.setContentType(MediaType.APPLICATION_JSON_VALUE);
          response.setCharacterEncoding("UTF-8");
          json.writeValue(response.getOutputStream(), new ApiError(403, "Forbidden", null, request.getMethod() + " "
              + request.getRequestURI() + " is not open to " + whoIs(request) + " (see the README's table of roles)"));
        }))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .build();
  }

  private static String whoIs(HttpServletRequest request) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null) return "anonymous callers";
    String groups = user.getAuthorities().stream().map(a -> a.getAuthority().replace("GROUP_", ""))
        .collect(Collectors.joining(", "));
    return user.getName() + (groups.isEmpty() ? "" : " (" + groups + ")");
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(a -> a
            .requestMatchers("/camunda/api/admin/setup/**").denyAll()
            .anyRequest().permitAll())
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
            new HttpStatusEntryPoint(HttpStatus.FORBIDDEN), r -> true))
        // The webapps and the engine REST API bring their own CSRF protection and authentication.
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication(CredentialCache credentials) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new CachedEngineRestAuthentication(credentials));
    registration.setName("engine-rest-basic-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
