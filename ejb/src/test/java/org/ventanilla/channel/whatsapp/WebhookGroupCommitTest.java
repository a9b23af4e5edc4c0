package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The group commit's promise: a delivery is answered only by its group's commit, all or none. */
class WebhookGroupCommitTest {

  /** Stands in for the JDBC batch: records each group, can hold one back or fail one. */
  static final class Writer extends WebhookGroupWriter {
    final List<List<Long>> committed = new CopyOnWriteArrayList<>();
    final CountDownLatch firstEntered = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    volatile int failGroup = -1;
    private final AtomicInteger calls = new AtomicInteger();
    private long block;

    @Override
    public synchronized long nextBlock() {
      block += BLOCK;
      return block;
    }

    @Override
    public void insert(List<WebhookGroupCommit.Delivery> group) {
      int call = calls.getAndIncrement();
      if (call == 0) {
        firstEntered.countDown();
        try {
          releaseFirst.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      group.forEach(d -> assertFalse(d.done().isDone(), "answered before its commit"));
      if (call == failGroup) {
        throw new IllegalStateException("commit failed: the database went away");
      }
      committed.add(group.stream().map(WebhookGroupCommit.Delivery::id).toList());
    }
  }

  private final Writer writer = new Writer();
  private final WebhookGroupCommit groupCommit = groupCommit(writer);

  private static WebhookGroupCommit groupCommit(Writer writer) {
    WebhookGroupCommit commit =
        new WebhookGroupCommit() {
          @Override
          Thread newThread(Runnable task) {
            return new Thread(task);
          }
        };
    commit.writer = writer;
    commit.clock = Clock.systemUTC();
    commit.processor =
        new WebhookProcessor() {
          @Override
          public boolean request() {
            return false;
          }
        };
    commit.start();
    return commit;
  }

  @AfterEach
  void stop() {
    writer.releaseFirst.countDown();
    groupCommit.stop();
  }

  /** 1 delivery held in its commit, then 31 at once from as many threads. */
  private List<CompletableFuture<Long>> thirtyTwoConcurrentDeliveries() throws Exception {
    List<CompletableFuture<Long>> answers = new CopyOnWriteArrayList<>();
    answers.add(groupCommit.store(7, "{\"n\":0}"));
    assertTrue(writer.firstEntered.await(10, TimeUnit.SECONDS));
    List<Thread> senders = new ArrayList<>();
    for (int i = 1; i < 32; i++) {
      String json = "{\"n\":" + i + "}";
      Thread sender = new Thread(() -> answers.add(groupCommit.store(7, json)));
      senders.add(sender);
      sender.start();
    }
    for (Thread sender : senders) {
      sender.join();
    }
    assertEquals(32, answers.size());
    assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "none before a commit");
    return answers;
  }

  @Test
  @DisplayName("32 concurrent deliveries are stored in fewer commits, each answered after its own")
  void concurrentDeliveriesShareCommits() throws Exception {
    List<CompletableFuture<Long>> answers = thirtyTwoConcurrentDeliveries();

    writer.releaseFirst.countDown();
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    assertEquals(List.of(1, 31), writer.committed.stream().map(List::size).toList());
    Set<Long> ids = new HashSet<>();
    for (CompletableFuture<Long> answer : answers) {
      ids.add(answer.get());
    }
    assertEquals(32, ids.size(), "one id per delivery");
    assertEquals(2, groupCommit.groupsCommitted());
    assertEquals(32, groupCommit.deliveriesStored());
  }

  @Test
  @DisplayName("a failed commit answers every delivery of its group with a failure, and only those")
  void failedCommitFailsTheWholeGroup() throws Exception {
    writer.failGroup = 1;
    List<CompletableFuture<Long>> answers = thirtyTwoConcurrentDeliveries();

    writer.releaseFirst.countDown();
    answers.get(0).get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Long> answer : answers.subList(1, answers.size())) {
      assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
    }
    assertEquals(1, writer.committed.size(), "nothing of the failed group was committed");

    long next = groupCommit.store(7, "{\"again\":true}").get(10, TimeUnit.SECONDS);
    assertEquals(2, writer.committed.size());
    assertEquals(List.of(next), writer.committed.get(1));
    assertEquals(2, groupCommit.deliveriesStored());
  }

  @Test
  @DisplayName("one delivery at a time is one commit each, answered without waiting for company")
  void aLoneDeliveryIsCommittedAtOnce() throws Exception {
    writer.releaseFirst.countDown();
    for (int i = 0; i < 5; i++) {
      groupCommit.store(7, "{}").get(2, TimeUnit.SECONDS);
    }
    assertEquals(5, writer.committed.size());
  }
}
