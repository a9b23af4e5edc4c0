package org.ventanilla.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects before anything else touches it. Versioned
 * Flyway migrations, never generated DDL; the same scripts run on H2 and PostgreSQL, and what must
 * differ (search columns and indexes) lives in {@code db/vendor/h2} or {@code
 * db/vendor/postgresql}: not under {@code db/migration}, which Flyway scans recursively and would
 * then run both vendors' scripts.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = "java:jboss/datasources/VentanillaDS")
  private DataSource dataSource;

  /**
   * The folder of this database's own scripts. Plain Flyway has no {@code {vendor}} placeholder
   * (that is Spring Boot's), so the JDBC driver names it.
   */
  private String vendor() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return "postgresql";
      }
      if (product.contains("h2")) {
        return "h2";
      }
      throw new IllegalStateException("Unsupported database: " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    }
  }

  @PostConstruct
  void migrate() {
    MigrateResult result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
            .failOnMissingLocations(true)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
