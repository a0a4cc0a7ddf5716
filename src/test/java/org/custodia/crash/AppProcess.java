package org.custodia.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custodia.support.Api;

/**
 * The packaged application ({@code target/custodia.jar}) as a real operating-system process on its own embedded
 * PostgreSQL under a scratch directory, with the demo data: started, killed with SIGKILL (what {@code kill -9}
 * sends), and started again on the same data.
 */
final class AppProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/custodia.jar");

    private final Path work;
    private final int httpPort = freePort();
    private final int databasePort;
    /** The instance whose PostgreSQL this one uses as a plain server; null: its own embedded one. */
    private final AppProcess databaseOf;
    private Process process;
    private int starts;

    AppProcess(Path work) {
        this.work = work;
        this.databasePort = freePort();
        this.databaseOf = null;
    }

    /**
     * A second instance of the app against the first one's database, as a production instance runs against a
     * PostgreSQL server: the datasource names the server, and both share the ledger's signing key file.
     */
    AppProcess(Path work, AppProcess databaseOf) {
        this.work = work;
        this.databasePort = databaseOf.databasePort;
        this.databaseOf = databaseOf;
    }

    /** Starts the app; {@code arguments} are added to its command line for this start only. */
    AppProcess start(String... arguments) throws IOException, InterruptedException {
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar",
                JAR.toAbsolutePath().toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + httpPort,
                "--custodia.security.bcrypt-strength=4"));
        if (databaseOf == null) {
            command.add("--custodia.embedded.data-dir=" + work.resolve("pg"));
            command.add("--custodia.embedded.port=" + databasePort);
            command.add("--custodia.ledger.key-path=" + work.resolve("ledger-key"));
        } else {
            command.add("--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres");
            command.add("--spring.datasource.username=postgres");
            command.add("--spring.datasource.password=");
            command.add("--custodia.ledger.key-path=" + databaseOf.work.resolve("ledger-key"));
        }
        command.addAll(List.of(arguments));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + starts + ".log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        HttpClient client = HttpClient.newHttpClient();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not start in time:\n" + log());
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running as an orphan. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    Api as(String user) {
        return new Api(baseUrl(), user, "demo");
    }

    /** The database itself (the orphan server after a kill, or the running one). */
    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = database(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String log() throws IOException {
        Path last = work.resolve("app-" + starts + ".log");
        if (!Files.exists(last)) {
            return "";
        }
        String text = Files.readString(last, StandardCharsets.UTF_8);
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    /** Stops the app (SIGTERM: a clean shutdown stops its PostgreSQL too), or a server a kill left behind. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        Path pid = work.resolve("pg").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            String first = Files.readAllLines(pid).get(0).trim();
            ProcessHandle.of(Long.parseLong(first)).ifPresent(postmaster -> {
                try {
                    new ProcessBuilder("kill", "-INT", first).start().waitFor(10, TimeUnit.SECONDS);
                    postmaster.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    postmaster.destroyForcibly();
                }
            });
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
