package org.custodia.common.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured.
 *
 * <p>The default run keeps its data in {@code data/postgres} with fsync and synchronous commit on, so rows
 * survive a restart. Tests set {@code custodia.embedded.ephemeral=true}: one throw-away server per JVM, shared
 * by every Spring context of the test run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static EmbeddedPostgres ephemeral;

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresHolder holder) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(holder.server().getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(20);
        pool.setPoolName("custodia-embedded");
        if (!holder.closeWithContext()) {
            // The shared test server is stopped by zonky's own JVM shutdown hook, at the same time as Spring closes
            // its contexts; closing the pool then too makes any last query fail at once instead of waiting 30 s.
            Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "custodia-test-pool-closer"));
        }
        return pool;
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(@Value("${custodia.embedded.data-dir:data/postgres}") String dataDir,
                                            @Value("${custodia.embedded.ephemeral:false}") boolean isEphemeral,
                                            @Value("${custodia.embedded.port:0}") int port) throws IOException {
        if (isEphemeral) {
            return new EmbeddedPostgresHolder(sharedEphemeral(), false);
        }
        Path dir = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(dir.getParent());
        stopStaleServer(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky starts the server with -F and synchronous_commit=off; data that must survive needs both on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres server = builder.start();
        log.info("Embedded PostgreSQL on port {} with its data in {}", server.getPort(), dir);
        return new EmbeddedPostgresHolder(server, true);
    }

    private static synchronized EmbeddedPostgres sharedEphemeral() throws IOException {
        if (ephemeral == null) {
            ephemeral = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            // zonky stops it from a JVM shutdown hook of its own.
        }
        return ephemeral;
    }

    /**
     * A process killed with -9 leaves its postmaster running on our data directory. Stop it (fast shutdown,
     * which PostgreSQL recovers from cleanly) before starting a new one; a pid file of a dead process is removed.
     */
    static void stopStaleServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (process.isEmpty()) {
            log.warn("Removing stale {} of a server that is no longer running", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        log.warn("An embedded PostgreSQL (pid {}) left by an earlier run still holds {}; stopping it", postmaster.pid(), dataDir);
        try {
            // SIGINT is PostgreSQL's fast shutdown: running transactions are rolled back, the data stays consistent.
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the stale PostgreSQL server", e);
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("Could not stop the stale PostgreSQL server pid "
                    + postmaster.pid() + " on " + dataDir + ": stop it by hand", e));
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Owns the server's lifecycle: the persistent one is closed with the context, the shared test one with the JVM. */
    static final class EmbeddedPostgresHolder implements AutoCloseable {
        private final EmbeddedPostgres server;
        private final boolean closeWithContext;

        EmbeddedPostgresHolder(EmbeddedPostgres server, boolean closeWithContext) {
            this.server = server;
            this.closeWithContext = closeWithContext;
        }

        EmbeddedPostgres server() {
            return server;
        }

        boolean closeWithContext() {
            return closeWithContext;
        }

        @Override
        public void close() throws IOException {
            if (closeWithContext) {
                server.close();
            }
        }
    }
}
