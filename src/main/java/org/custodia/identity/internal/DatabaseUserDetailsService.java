package org.custodia.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.custodia.identity.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserStore users;

    DatabaseUserDetailsService(UserStore users) {
        this.users = users;
    }

    /** The role (for {@code hasRole}) and one authority per permission of the role (for {@link Allowed}). */
    static List<GrantedAuthority> authoritiesOf(Role role) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        Permission.of(role).forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authorities;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserStore.Account account = users.findAccount(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(authoritiesOf(account.role()))
                .build();
    }
}
