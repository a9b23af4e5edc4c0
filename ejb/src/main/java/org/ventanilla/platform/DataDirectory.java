package org.ventanilla.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/**
 * Where Ventanilla keeps its files (the H2 database, attachments): {@code ventanilla.data.dir}, set
 * by the start script from {@code VENTANILLA_DATA_DIR}.
 */
@ApplicationScoped
public class DataDirectory {

  private final Path root =
      Path.of(Settings.get("ventanilla.data.dir").orElse(System.getProperty("user.dir") + "/data"))
          .toAbsolutePath()
          .normalize();

  public Path root() {
    return root;
  }
}
