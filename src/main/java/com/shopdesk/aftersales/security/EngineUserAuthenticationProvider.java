package com.shopdesk.aftersales.security;

import java.util.List;
import com.shopdesk.aftersales.security.login.CredentialCache;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks HTTP Basic credentials of the product API against the engine's users; groups become authorities. */
@Component
public class EngineUserAuthenticationProvider implements AuthenticationProvider {
  private final IdentityService identity;
  private final CredentialCache cache;

  public EngineUserAuthenticationProvider(IdentityService identity, CredentialCache cache) {
    this.identity = identity;
    this.cache = cache;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user == null || password == null
        || !cache.passwordMatches(user, password.toString(), () -> identity.checkPassword(user, password.toString()))) {
      throw new BadCredentialsException("wrong user or password");
    }
    List<SimpleGrantedAuthority> groups = cache.groupsOf(user, () -> identity.createGroupQuery().groupMember(user)
        .list().stream().map(Group::getId).toList()).stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
    return new UsernamePasswordAuthenticationToken(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
