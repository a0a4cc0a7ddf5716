package org.custodia.identity.internal;

import org.custodia.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Users the system starts with. With the {@code demo} profile: one user per role, password {@code demo}, and the
 * API client {@code us-agency-system} (secret {@code demo}). Outside that profile the demo password opens nothing
 * ({@link DemoPasswordGuard}).
 * Otherwise, on an empty user table, an {@code admin} whose password comes from {@code CUSTODIA_ADMIN_PASSWORD}.
 */
class InitialUsers {

    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    @Component
    @Profile("demo")
    @Order(10)
    static class DemoUsers implements ApplicationRunner {
        private final UserStore users;
        private final ApiClients clients;
        private final PasswordEncoder encoder;

        DemoUsers(UserStore users, ApiClients clients, PasswordEncoder encoder) {
            this.users = users;
            this.clients = clients;
            this.encoder = encoder;
        }

        @Override
        public void run(ApplicationArguments args) {
            String hash = encoder.encode("demo");
            create("admin", "Rosa Méndez", hash, Role.ADMIN, null, null);
            create("intake", "Carlos Hernández", hash, Role.INTAKE_OFFICER, null, null);
            create("reception", "Marta López", hash, Role.RECEPTION_OFFICER, null, null);
            create("classification", "Jorge Alvarado", hash, Role.CLASSIFICATION_OFFICER, null, null);
            create("custody", "Luis Portillo", hash, Role.CUSTODY_OFFICER, null, null);
            create("finance", "Elena Castro", hash, Role.FINANCE, null, null);
            create("us-agency", "John Miller", hash, Role.SENDING_AGENCY, "US", null);
            create("oversight", "Ingrid Sørensen", hash, Role.OVERSIGHT, null, null);
            create("ve-consul", "Daniel Pérez", hash, Role.CONSULAR, null, "VE");
            // The sending state's case system: OAuth2 client credentials, acting as SENDING_AGENCY for US.
            if (clients.createIfAbsent("us-agency-system", hash, "US case management system", Role.SENDING_AGENCY,
                    "US", null)) {
                log.info("Demo API client us-agency-system (SENDING_AGENCY for US) created");
            }
        }

        private void create(String username, String name, String hash, Role role, String party, String nationality) {
            String locale = role == Role.SENDING_AGENCY ? "en" : "es";
            if (users.createIfAbsent(username, name, hash, role, party, nationality, locale)) {
                log.info("Demo user {} ({}) created", username, role);
            }
        }
    }

    @Component
    @Order(11)
    static class BootstrapAdmin implements ApplicationRunner {
        private final UserStore users;
        private final PasswordEncoder encoder;
        private final String password;

        BootstrapAdmin(UserStore users, PasswordEncoder encoder,
                       @Value("${custodia.admin-password:}") String password) {
            this.users = users;
            this.encoder = encoder;
            this.password = password;
        }

        @Override
        public void run(ApplicationArguments args) {
            if (users.anyUser()) {
                return;
            }
            if (password.isBlank()) {
                log.warn("No users exist. Set CUSTODIA_ADMIN_PASSWORD to create the first administrator, 'admin'.");
                return;
            }
            users.createIfAbsent("admin", "Administrator", encoder.encode(password), Role.ADMIN, null, null, "es");
            log.info("Created the first administrator, 'admin', from CUSTODIA_ADMIN_PASSWORD");
        }
    }
}
