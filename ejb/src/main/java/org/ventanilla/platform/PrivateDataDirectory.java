package org.ventanilla.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, after the database has opened its files: the data directory and everything in it
 * readable by the server's user only ({@code 700}/{@code 600}). The H2 database is created by
 * WildFly's datasource with the process's umask, and data from earlier versions was {@code 644}.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrivateDataDirectory {

  private static final Logger LOG = Logger.getLogger(PrivateDataDirectory.class.getName());

  @Inject DataDirectory dataDirectory;

  @PostConstruct
  void makePrivate() {
    try {
      int changed = dataDirectory.makePrivate();
      if (changed > 0) {
        LOG.info(
            () ->
                "Made "
                    + changed
                    + " files and folders in "
                    + dataDirectory.root()
                    + " readable by this server's user only");
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not restrict the permissions in the data directory " + dataDirectory.root(),
          e);
    }
  }
}
