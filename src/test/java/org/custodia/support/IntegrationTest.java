package org.custodia.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on the embedded PostgreSQL (or the server named by
 * SPRING_DATASOURCE_URL), with the demo data: users admin, intake, ... with password {@code demo}.
 * Tests share one database: make identifiers unique, never assume a table is empty. The app's clock is frozen
 * ({@link TestClock}): take "now" from it, never from {@code Instant.now()}.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(FrozenClock.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected String baseUrl;

    @BeforeEach
    void baseUrl() {
        baseUrl = "http://localhost:" + port;
    }

    /** An API client signed in as {@code username} with password {@code demo}. */
    protected Api as(String username) {
        return new Api(baseUrl, username, "demo");
    }

    /** An API client with no credentials. */
    protected Api anonymous() {
        return new Api(baseUrl, null, null);
    }
}
