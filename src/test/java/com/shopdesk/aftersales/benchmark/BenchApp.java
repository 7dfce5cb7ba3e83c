package com.shopdesk.aftersales.benchmark;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.shopdesk.aftersales.AfterSalesApplication;
import com.shopdesk.aftersales.operations.FreshPostgres;
import com.shopdesk.aftersales.security.DeskGroups;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as shipped (application.yaml, job executor on), started in this JVM on a random port: on H2 in
 * a temporary data directory (the app's own file URL), or with profile {@code postgres} on a PostgreSQL database
 * made for the run and dropped after it. Adds only the benchmark's users, the grants the bare side starts its
 * processes with, the bare diagrams, and the statement counter on the pool.
 */
final class BenchApp implements AutoCloseable {
  static final String ADMIN = "admin";
  /** The platform's technical user: imports orders. */
  static final String PLATFORM = "benchplatform";
  /** An agent: opens cases, reads the ledger and the queue. */
  static final String AGENT = "benchagent";
  /** Starts the bare processes through the engine REST API, with grants for them only. */
  static final String STARTER = "benchstarter";
  static final List<String> BARE_PROCESSES = List.of(BareProcess.START_END, BareProcess.ASYNC_TASK,
      BareProcess.THREE_ASYNC, BareProcess.TIMER_TASK, BareProcess.OPEN_TASK);

  final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  final StatementCounter counter;
  /** The app's pool, uncounted: the benchmark's own queries (drain checks, bulk rows, figures). */
  final JdbcTemplate sql;
  final Http http;
  /** The engine REST API of this app's engine, {@code /engine-rest/engine/<name>}. */
  final String engineRest;
  final String databaseVersion;
  private final AutoCloseable database;

  private BenchApp(ConfigurableApplicationContext context, StatementCounter counter, String password,
      AutoCloseable database) throws SQLException {
    this.context = context;
    this.counter = counter;
    this.database = database;
    this.engine = context.getBean(ProcessEngine.class);
    this.sql = new JdbcTemplate(counter.uncounted());
    int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    this.http = new Http(port, Map.of(ADMIN, password, PLATFORM, password, AGENT, password, STARTER, password));
    this.engineRest = "/engine-rest/engine/" + engine.getName();
    try (Connection c = counter.uncounted().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      this.databaseVersion = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }
  }

  static BenchApp start(Settings settings) throws Exception {
    String password = "bench-" + UUID.randomUUID();
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
        "--camunda.bpm.admin-user.id=" + ADMIN, "--camunda.bpm.admin-user.password=" + password,
        "--logging.level.root=WARN"));
    if (!settings.webapps()) {
      // other apps in this JVM (the test suite's) keep the default engine and the webapps to themselves
      args.add("--camunda.bpm.webapp.enabled=false");
      args.add("--camunda.bpm.process-engine-name=bench" + Long.toString(System.nanoTime() % 1_000_000, 36));
    }
    AutoCloseable database;
    String[] profiles;
    if (settings.database() == Settings.Database.POSTGRES) {
      FreshPostgres db = FreshPostgres.create("aftersales_bench");
      args.add("--spring.datasource.url=" + db.url());
      args.add("--spring.datasource.username=" + FreshPostgres.USER);
      database = db;
      profiles = new String[] {"postgres"};
    } else {
      Path dataDir = Files.createTempDirectory("aftersales-bench");
      args.add("--aftersales.data-dir=" + dataDir);
      database = () -> deleteTree(dataDir);
      profiles = new String[0];
    }
    StatementCounter counter = new StatementCounter();
    ConfigurableApplicationContext context;
    try {
      context = new SpringApplicationBuilder(AfterSalesApplication.class)
          .profiles(profiles)
          .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(counter))
          .run(args.toArray(String[]::new));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    BenchApp app = new BenchApp(context, counter, password, database);
    app.createUsers(password);
    app.deployBareProcesses();
    return app;
  }

  private void createUsers(String password) {
    IdentityService identity = engine.getIdentityService();
    user(identity, PLATFORM, password, DeskGroups.INTEGRATIONS);
    user(identity, AGENT, password, DeskGroups.AGENTS);
    user(identity, STARTER, password, null);
    AuthorizationService authorizations = engine.getAuthorizationService();
    grant(authorizations, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    for (String key : BARE_PROCESSES) {
      grant(authorizations, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
    }
  }

  private static void user(IdentityService identity, String id, String password, String group) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("benchmark");
    user.setPassword(password);
    identity.saveUser(user);
    if (group != null) {
      identity.createMembership(id, group);
    }
  }

  private static void grant(AuthorizationService authorizations, Resource resource, String id,
      Permission... permissions) {
    Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setUserId(STARTER);
    grant.setResource(resource);
    grant.setResourceId(id);
    grant.setPermissions(permissions);
    authorizations.saveAuthorization(grant);
  }

  /** Deployed as an analyst's Modeler would: through the deployment policy, with their form. */
  private void deployBareProcesses() {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("benchmark")
        .addClasspathResource("benchmark/bench-task.form");
    for (String key : BARE_PROCESSES) {
      deployment.addClasspathResource("benchmark/" + key + ".bpmn");
    }
    deployment.deploy();
  }

  /** The app's settings that bound its speed, as it runs them. */
  String configuration() {
    var env = context.getEnvironment();
    String pool = counter.uncounted() instanceof HikariDataSource hikari
        ? Integer.toString(hikari.getMaximumPoolSize()) : "?";
    String heap = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xmx")).findFirst().orElse("without -Xmx");
    return "The app as shipped: %s request threads, %s job-executor threads, pool of %s connections, history %s, JVM %s"
        .formatted(env.getProperty("server.tomcat.threads.max"),
            env.getProperty("camunda.bpm.job-execution.max-pool-size"), pool,
            env.getProperty("camunda.bpm.history-level"), heap);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  long count(String query, Object... args) {
    Long n = sql.queryForObject(query, Long.class, args);
    return n == null ? 0 : n;
  }

  /** Wakes the job executor, as the engine does when a transaction added a due job. */
  void hintJobExecutor() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
  }

  @Override
  public void close() throws Exception {
    try {
      context.close();
    } finally {
      database.close();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
