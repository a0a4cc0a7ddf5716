package org.custodia.web.internal;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the console is and how to sign in, once the application is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : env.getProperty("server.port", Integer.class, 8080);
        boolean demo = Arrays.asList(env.getActiveProfiles()).contains("demo");
        log.info("Custodia is ready: console http://localhost:{}/ · API http://localhost:{}/api/v1 · Swagger UI http://localhost:{}/swagger-ui.html",
                port, port, port);
        if (demo) {
            log.info("Demo data loaded. Sign in as admin, intake, reception, classification, custody, finance, us-agency, "
                    + "oversight or ve-consul, password 'demo'.");
        } else {
            log.info("Sign in with an account of this installation (the first administrator comes from CUSTODIA_ADMIN_PASSWORD).");
        }
    }
}
