package com.shopdesk.aftersales.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Who may call what. The product API and the sandbox take HTTP Basic against the engine's users, and only
 * agents, managers, the platform/courier integrations and the admin may call them. The engine
 * REST API (which Modeler deploys to) is guarded by Camunda's own Basic filter, so the engine's
 * authorizations apply to whoever calls it. The webapps keep their own login. The Admin first-run setup
 * endpoint is refused outright: the admin user comes from configuration.
 */
@Configuration
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain productApi(HttpSecurity http, EngineUserAuthenticationProvider users) throws Exception {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("aftersales");
    return http
        .securityMatcher("/api/**", "/sandbox/**")
        .authorizeHttpRequests(a -> a.anyRequest().hasAnyAuthority(
            "GROUP_" + DeskGroups.AGENTS, "GROUP_" + DeskGroups.MANAGERS, "GROUP_" + DeskGroups.INTEGRATIONS,
            "GROUP_" + Groups.CAMUNDA_ADMIN))
        .authenticationProvider(users)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .build();
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
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-basic-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
