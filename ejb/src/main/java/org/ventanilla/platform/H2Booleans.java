package org.ventanilla.platform;

import java.io.IOException;
import java.io.Writer;
import org.eclipse.persistence.platform.database.H2Platform;

/**
 * H2 as EclipseLink's own platform, but with booleans written as {@code TRUE}/{@code FALSE} when a
 * query has to be printed with its values inline.
 *
 * <p>EclipseLink stops binding a whole query on H2 as soon as one part of it cannot be bound (a
 * {@code LIKE ... ESCAPE '\'}, the {@code SELECT 1} of an {@code EXISTS}), and then prints a
 * boolean as 1 or 0, which H2 2.x refuses beside a BOOLEAN column (eclipse-ee4j/eclipselink#1578,
 * open). Every search and every tag filter of the inbox failed with a 500 on the zero-setup H2
 * database; PostgreSQL never inlines these and is not affected.
 */
public class H2Booleans extends H2Platform {

  @Override
  protected void appendBoolean(Boolean bool, Writer writer) throws IOException {
    writer.write(Boolean.TRUE.equals(bool) ? "TRUE" : "FALSE");
  }
}
