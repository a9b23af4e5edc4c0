package org.ventanilla.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where Ventanilla keeps its files (the H2 database, attachments): {@code ventanilla.data.dir}, set
 * by the start script from {@code VENTANILLA_DATA_DIR}. Everything in it is the server user's alone
 * (customers, messages, password hashes): folders {@code 700}, files {@code 600}, made so here and
 * put right at start-up ({@link PrivateDataDirectory}). Where the file system has no POSIX
 * permissions (Windows) the folder's own access rules apply.
 */
@ApplicationScoped
public class DataDirectory {

  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private final Path root;

  public DataDirectory() {
    this(
        Path.of(
            Settings.get("ventanilla.data.dir").orElse(System.getProperty("user.dir") + "/data")));
  }

  /** A data directory at {@code root} (tests, tools). */
  public DataDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  private boolean posix() {
    return root.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates the folder and any missing parents, each {@code 700}. */
  public void createDirectories(Path folder) throws IOException {
    if (posix()) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
    } else {
      Files.createDirectories(folder);
    }
  }

  /** Writes a new file ({@code 600}); fails if it exists. */
  public void writeNew(Path file, byte[] content) throws IOException {
    FileAttribute<?>[] attributes =
        posix()
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
            : new FileAttribute<?>[0];
    try (OutputStream out =
        Channels.newOutputStream(
            Files.newByteChannel(
                file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                attributes))) {
      out.write(content);
    }
  }

  /** Opens a new file ({@code 600}) to stream into; fails if it exists. */
  public OutputStream openNew(Path file) throws IOException {
    FileAttribute<?>[] attributes =
        posix()
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
            : new FileAttribute<?>[0];
    return Channels.newOutputStream(
        Files.newByteChannel(
            file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes));
  }

  /**
   * Makes everything already in the data directory private: what the database created, what an
   * earlier version or a looser umask left readable. Returns how many entries were changed.
   */
  public int makePrivate() throws IOException {
    if (!posix()) {
      return 0;
    }
    createDirectories(root);
    int[] changed = {0};
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            changed[0] += restrict(dir, FOLDER);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              changed[0] += restrict(file, FILE);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return changed[0];
  }

  private static int restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
    if (Files.getPosixFilePermissions(path).equals(wanted)) {
      return 0;
    }
    Files.setPosixFilePermissions(path, wanted);
    return 1;
  }
}
