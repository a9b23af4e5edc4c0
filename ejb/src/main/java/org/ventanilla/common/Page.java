package org.ventanilla.common;

import java.util.List;

/** One page of a list that was paginated and counted in the database. */
public record Page<T>(List<T> items, long total, int page, int size) {

  public static final int DEFAULT_SIZE = 25;
  public static final int MAX_SIZE = 200;

  /** Clamps what an API client asked for to what we serve. */
  public static PageRequest request(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 0) {
      throw new InvalidInputException("page must be 0 or more");
    }
    if (s < 1 || s > MAX_SIZE) {
      throw new InvalidInputException("size must be between 1 and " + MAX_SIZE);
    }
    // The offset is an int for JPA: a page past it would wrap around to a negative offset.
    if ((long) p * s > Integer.MAX_VALUE) {
      throw new InvalidInputException("page is too far: page times size must stay below 2^31");
    }
    return new PageRequest(p, s);
  }

  /** A validated page number and size. */
  public record PageRequest(int page, int size) {
    public int offset() {
      return page * size;
    }
  }
}
