package org.ventanilla.web.faces;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ventanilla.common.Enums;
import org.ventanilla.ticket.TicketStatus;

/** Select menus built from the domain's enums, so a page never offers what the domain refuses. */
public final class Menus {

  private Menus() {}

  /** Every value of an enum, as it travels (lower case). */
  public static <E extends Enum<E>> List<String> of(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enums::json).toList();
  }

  /** Every value of an enum but the ones named, as they travel. */
  @SafeVarargs
  public static <E extends Enum<E>> List<String> except(Class<E> type, E... left) {
    List<E> out = Arrays.asList(left);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> !out.contains(e))
        .map(Enums::json)
        .toList();
  }

  /** A ticket's status menu: where it stands and where the ticket may move from there. */
  public static List<String> statusesFrom(String current) {
    if (current == null) {
      return of(TicketStatus.class);
    }
    TicketStatus now = Enums.parse(TicketStatus.class, "status", current);
    return Stream.concat(Stream.of(now), now.next().stream())
        .distinct()
        .sorted()
        .map(Enums::json)
        .toList();
  }
}
