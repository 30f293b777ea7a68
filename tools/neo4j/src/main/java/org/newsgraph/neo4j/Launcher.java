package org.newsgraph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community in this JVM with only the Bolt connector, for tests and
 * local runs. Options (each also read from the environment):
 *
 * <pre>
 *   --port N         NEO4J_PORT      Bolt port on 127.0.0.1 (default 7687)
 *   --data DIR       NEO4J_DATA      data directory (default ./.neo4j/data)
 *   --password PW    NEO4J_PASSWORD  password of user neo4j (default "newsgraph")
 *   --no-auth        NEO4J_AUTH=none disable authentication
 * </pre>
 *
 * Prints one line starting with "neo4j-launcher: ready" once Bolt accepts
 * connections, and shuts the database down cleanly on SIGTERM/SIGINT.
 */
public final class Launcher {
    private Launcher() {}

    /** Entry point; see the class comment for options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("NEO4J_PORT", "7687"));
        String data = env.getOrDefault("NEO4J_DATA", ".neo4j/data");
        String password = env.getOrDefault("NEO4J_PASSWORD", "newsgraph");
        boolean auth = !"none".equalsIgnoreCase(env.getOrDefault("NEO4J_AUTH", ""));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = args[++i];
                case "--password" -> password = args[++i];
                case "--no-auth" -> auth = false;
                default -> {
                    System.err.println("neo4j-launcher: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (auth && password.length() < 8) {
            // Neo4j 5 rejects shorter passwords; say so before a long start.
            System.err.println("neo4j-launcher: password must have at least 8 characters");
            System.exit(2);
        }

        Path home = Path.of(data).toAbsolutePath();
        Files.createDirectories(home);
        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // Small caches: the machine is shared with builds and other tests.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-launcher: stopping");
            dbms.shutdown();
            System.out.println("neo4j-launcher: stopped");
            stopped.countDown();
        }, "neo4j-shutdown"));

        if (auth) {
            // The built-in user starts with the password "neo4j" and must change
            // it; set ours so clients can log in at once (idempotent on restart).
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED",
                        Map.of("pw", password));
            } catch (RuntimeException e) {
                // A restart on the same data finds the password already set, which
                // Neo4j refuses as "old and new password cannot be the same".
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    throw e;
                }
            }
        }
        // Touch the default database so "ready" means queries work, not only Bolt.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");

        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("neo4j-launcher: ready bolt://127.0.0.1:%d auth=%s data=%s (%d ms)%n",
                port, auth ? "on" : "off", home, ms);
        System.out.flush();
        stopped.await();
    }
}
