package org.ventanilla.tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ConflictException;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;

/**
 * Managing the tags themselves. Merging and deleting change tickets, so each affected ticket gets
 * its own TAGGED / UNTAGGED events in the activity log.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class TagService {

  @Inject TagRepository tags;
  @EJB TagCreation creation;
  @Inject TaggedTickets tagged;
  @Inject CallerAgent caller;
  @Inject Clock clock;

  public List<TagView> list() {
    return tags.all();
  }

  public TagView create(String name, String colour) {
    if (tags.findByName(name).isPresent()) {
      throw new ConflictException("duplicate_tag", "A tag named " + name + " exists already");
    }
    // In its own transaction: a request creating the same name at the same moment gets 409 too.
    long id = creation.create(name, colour, clock.instant());
    return view(require(id));
  }

  @RolesAllowed(Role.ADMIN_ROLE)
  public TagView update(long id, String name, String colour) {
    Tag tag = require(id);
    if (name != null) {
      tags.findByName(name)
          .filter(other -> !other.equals(tag))
          .ifPresent(
              other -> {
                throw new ConflictException(
                    "duplicate_tag", "A tag named " + name + " exists already; merge instead");
              });
      tag.rename(name);
    }
    if (colour != null) {
      tag.recolour(colour);
    }
    tags.flush();
    return view(tag);
  }

  /** Moves every ticket from one tag to another, then deletes the first. */
  @RolesAllowed(Role.ADMIN_ROLE)
  public TagView merge(long id, long intoId) {
    if (id == intoId) {
      throw new InvalidInputException("invalid_merge", "A tag cannot be merged into itself");
    }
    Tag source = require(id);
    Tag target = require(intoId);
    String actor = caller.require().getUsername();
    Instant now = clock.instant();
    tagged.retag(source, target, actor, now);
    tags.flush();
    tags.remove(source);
    tags.flush();
    return view(target);
  }

  @RolesAllowed(Role.ADMIN_ROLE)
  public void delete(long id) {
    Tag tag = require(id);
    String actor = caller.require().getUsername();
    Instant now = clock.instant();
    tagged.retag(tag, null, actor, now);
    tags.flush();
    tags.remove(tag);
  }

  private Tag require(long id) {
    return tags.find(id).orElseThrow(() -> new NotFoundException("Tag", id));
  }

  private TagView view(Tag tag) {
    return new TagView(tag.getId(), tag.getName(), tag.getColour(), tags.countTickets(tag));
  }
}
