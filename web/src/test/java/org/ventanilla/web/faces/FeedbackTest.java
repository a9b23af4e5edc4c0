package org.ventanilla.web.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.DomainException;
import org.ventanilla.common.NotFoundException;

class FeedbackTest {

  @Test
  @DisplayName("A refusal wrapped in EJB exceptions is found, so it is shown as that refusal")
  void refusalInsideAnEjbFailureIsUnwrapped() {
    NotFoundException refusal = new NotFoundException("Ticket", 7);
    EJBException failure =
        new EJBTransactionRolledbackException("rolled back", new EJBException(refusal));

    assertEquals(Optional.of(refusal), Feedback.refusal(failure).map(DomainException.class::cast));
  }

  @Test
  @DisplayName("An EJB failure without a refusal inside carries none: it is not shown as one")
  void failureWithoutRefusalCarriesNone() {
    EJBException failure = new EJBException(new IllegalStateException("bug"));

    assertTrue(Feedback.refusal(failure).isEmpty());
    assertFalse(Feedback.causedBy(failure, OptimisticLockException.class));
  }

  @Test
  @DisplayName("A lost optimistic lock deep in the chain is recognised as a concurrent change")
  void lostOptimisticLockIsRecognised() {
    EJBException failure =
        new EJBTransactionRolledbackException(
            "rolled back", new RuntimeException(new OptimisticLockException("version")));

    assertTrue(Feedback.causedBy(failure, OptimisticLockException.class));
  }
}
