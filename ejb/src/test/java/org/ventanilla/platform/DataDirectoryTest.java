package org.ventanilla.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @TempDir Path temp;

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  @DisplayName("what an earlier version or the database left readable is made 700/600 at start")
  void makePrivateTightensEverything() throws IOException {
    Path root = temp.resolve("data");
    Path nested = Files.createDirectories(root.resolve("attachments/2026/12/07"));
    Path h2 = Files.writeString(root.resolve("ventanilla.mv.db"), "db");
    Path file = Files.writeString(nested.resolve("a.bin"), "x");
    for (Path p = nested; p.startsWith(root); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(h2, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

    DataDirectory data = new DataDirectory(root);
    assertEquals(7, data.makePrivate());

    assertEquals("rwx------", mode(root));
    assertEquals("rwx------", mode(nested));
    assertEquals("rw-------", mode(h2));
    assertEquals("rw-------", mode(file));
    assertEquals(0, data.makePrivate(), "a second start changes nothing");
  }

  @Test
  @DisplayName("new folders are 700 and new files 600 from birth, and a file is never overwritten")
  void newFilesArePrivate() throws IOException {
    DataDirectory data = new DataDirectory(temp.resolve("data"));
    Path folder = data.root().resolve("attachments/2026/12");
    data.createDirectories(folder);
    Path file = folder.resolve("f.bin");
    data.writeNew(file, new byte[] {1, 2, 3});

    assertEquals("rwx------", mode(data.root()));
    assertEquals("rwx------", mode(data.root().resolve("attachments")));
    assertEquals("rwx------", mode(folder));
    assertEquals("rw-------", mode(file));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    assertThrows(FileAlreadyExistsException.class, () -> data.writeNew(file, new byte[] {9}));
  }
}
