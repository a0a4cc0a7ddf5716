package org.custodia.identity.internal;

import java.util.Collection;
import org.custodia.identity.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A request authenticated by a bearer token: the machine client it names, as the user it acts as. */
final class ClientAuthentication extends JwtAuthenticationToken {

    private final CurrentUser user;

    ClientAuthentication(Jwt jwt, CurrentUser user, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, authorities, user.username());
        this.user = user;
    }

    CurrentUser user() {
        return user;
    }
}
