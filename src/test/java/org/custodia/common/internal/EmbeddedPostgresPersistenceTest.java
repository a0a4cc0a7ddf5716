package org.custodia.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run's database: data survives a restart, and a server orphaned by a killed process is recovered. */
class EmbeddedPostgresPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void rowsSurviveARestart() throws Exception {
        Path data = dir.resolve("postgres");
        EmbeddedPostgresConfiguration config = new EmbeddedPostgresConfiguration();
        try (var holder = config.embeddedPostgres(data.toString(), false, 0)) {
            assertThat(setting(holder.server(), "fsync")).isEqualTo("on");
            assertThat(setting(holder.server(), "synchronous_commit")).isEqualTo("on");
            execute(holder.server(), "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('before restart')");
        }
        try (var holder = config.embeddedPostgres(data.toString(), false, 0)) {
            assertThat(query(holder.server(), "SELECT v FROM kept")).isEqualTo("before restart");
        }
    }

    @Test
    void aServerLeftRunningByAKilledProcessIsStoppedAndTheDataKept() throws Exception {
        Path data = dir.resolve("orphan");
        EmbeddedPostgresConfiguration config = new EmbeddedPostgresConfiguration();
        // Another JVM starts the server, commits a row, and is killed with -9: its postmaster lives on.
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // wait for the server and the row
            }
            assertThat(line).as("the owning process started its server").isEqualTo("READY");
            owner.destroyForcibly().waitFor();
        }
        assertThat(Files.exists(data.resolve("postmaster.pid"))).isTrue();
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        try (var restarted = config.embeddedPostgres(data.toString(), false, 0)) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(query(restarted.server(), "SELECT v FROM kept")).isEqualTo("committed");
        }
    }

    @Test
    void aPidFileOfADeadProcessIsRemoved() throws Exception {
        Path data = dir.resolve("stale");
        Files.createDirectories(data);
        Files.writeString(data.resolve("postmaster.pid"), "999999999\n" + data + "\n");
        EmbeddedPostgresConfiguration.stopStaleServer(data);
        assertThat(Files.exists(data.resolve("postmaster.pid"))).isFalse();
    }

    /** The process that gets killed: starts the default-run server on a directory and commits one row. */
    public static final class OrphanMaker {
        public static void main(String[] args) throws Exception {
            var holder = new EmbeddedPostgresConfiguration().embeddedPostgres(args[0], false, 0);
            execute(holder.server(), "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('committed')");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    private static void execute(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String setting(EmbeddedPostgres pg, String name) throws Exception {
        return query(pg, "SHOW " + name);
    }
}
