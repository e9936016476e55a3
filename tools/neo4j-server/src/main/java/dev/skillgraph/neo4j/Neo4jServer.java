package dev.skillgraph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * A Neo4j 5 Community server with a Bolt listener, for development and CI on machines without
 * Docker. It is the same database engine the official image runs, embedded in a small process.
 *
 * <p>Usage: {@code Neo4jServer <home folder> [setting=value ...]}. Settings use Neo4j's own keys
 * ({@code server.bolt.listen_address=127.0.0.1:7687}); the password of the {@code neo4j} user
 * comes from the NEO4J_PASSWORD environment variable, and authentication is off without it.
 *
 * <p>Prints exactly one line starting with {@code READY } once Bolt accepts connections, and
 * {@code STOPPED} after a clean shutdown on SIGTERM or SIGINT.
 */
public final class Neo4jServer {
  private Neo4jServer() {}

  /** Defaults sized for a shared 2-core machine; every one can be overridden on the command line. */
  private static Map<String, String> defaults() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.bolt.enabled", "true");
    settings.put("server.bolt.listen_address", "127.0.0.1:7687");
    settings.put("server.bolt.tls_level", "DISABLED");
    settings.put("server.http.enabled", "false");
    settings.put("server.https.enabled", "false");
    settings.put("server.memory.pagecache.size", "128m");
    // Keep the transaction logs small: this server holds test and development data.
    settings.put("db.tx_log.rotation.retention_policy", "2 files");
    settings.put("db.tx_log.rotation.size", "16m");
    settings.put("dbms.usage_report.enabled", "false");
    return settings;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: Neo4jServer <home folder> [setting=value ...]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(home);

    Map<String, String> settings = defaults();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        System.err.println("expected setting=value, got: " + args[i]);
        System.exit(2);
      }
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    String password = System.getenv("NEO4J_PASSWORD");
    boolean auth = password != null && !password.isEmpty();
    settings.put("dbms.security.auth_enabled", Boolean.toString(auth));
    // Drivers that route (neo4j://) are told to come back to the address they were given.
    settings.putIfAbsent("server.bolt.advertised_address", settings.get("server.bolt.listen_address"));

    // Neo4j parses its own keys from a neo4j.conf, so a setting is spelled here as in its docs.
    Path conf = home.resolve("neo4j.conf");
    StringBuilder lines = new StringBuilder("# Written by Neo4jServer at every start; edit the npm script's arguments instead.\n");
    settings.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
    Files.writeString(conf, lines.toString());
    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();

    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM runs shutdown hooks on SIGTERM and SIGINT: stop Neo4j so its store is clean.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.shutdown();
                  System.out.println("STOPPED");
                  System.out.flush();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    String version;
    try {
      if (auth) setPassword(service, password);
      version = version(service);
    } catch (RuntimeException e) {
      System.err.println("could not prepare the server: " + e.getMessage());
      System.exit(1); // runs the shutdown hook, which stops Neo4j cleanly
      return;
    }

    // build() returns once every database is started and the Bolt connector listens.
    System.out.println(
        "READY bolt://" + settings.get("server.bolt.listen_address") + " (Neo4j " + version + ", auth "
            + (auth ? "on" : "off") + ", home " + home + ")");
    System.out.flush();
    stopped.await();
  }

  /** Sets the neo4j user's password, so clients log in as they would to a packaged server. */
  private static void setPassword(DatabaseManagementService service, String password) {
    try {
      service
          .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (QueryExecutionException e) {
      // A restart on an existing home folder: the password is already this one.
      if (!e.getMessage().contains("Old password and new password cannot be the same")) throw e;
    }
  }

  private static String version(DatabaseManagementService service) {
    return service
        .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
        .executeTransactionally(
            "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
            Map.of(),
            result -> result.hasNext() ? String.valueOf(result.next().get("version")) : "unknown");
  }
}
