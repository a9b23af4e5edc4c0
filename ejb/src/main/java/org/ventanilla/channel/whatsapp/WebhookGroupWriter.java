package org.ventanilla.channel.whatsapp;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes one group of verified deliveries in one container transaction: a JDBC batch of raw rows
 * into webhook_payload, no entity, no persistence context. The transaction is the container's
 * (REQUIRES_NEW), so the commit that releases the group's 200s is the database's own.
 */
@Stateless
@PermitAll
public class WebhookGroupWriter {

  /** The payload sequence moves by this much per value (migration V12), as for EclipseLink. */
  static final int BLOCK = 500;

  @Resource(lookup = "java:jboss/datasources/VentanillaDS")
  DataSource dataSource;

  /** The highest id of a fresh block of BLOCK ids (the block is value - BLOCK + 1 .. value). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long nextBlock() {
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres =
          connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      String sql =
          postgres
              ? "SELECT nextval('webhook_payload_seq')"
              : "SELECT NEXT VALUE FOR webhook_payload_seq";
      try (PreparedStatement statement = connection.prepareStatement(sql);
          ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("No webhook payload ids: " + e.getMessage(), e);
    }
  }

  /** Stores the group; its ids were given by the caller from its blocks. Commits on return. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void insert(List<WebhookGroupCommit.Delivery> group) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO webhook_payload (id, channel_id, body, status, attempts,"
                    + " next_attempt_at, received_at, version) VALUES (?, ?, ?, 'RECEIVED', 0, ?, ?,"
                    + " 1)")) {
      for (WebhookGroupCommit.Delivery delivery : group) {
        OffsetDateTime at = delivery.receivedAt().atOffset(ZoneOffset.UTC);
        insert.setLong(1, delivery.id());
        insert.setLong(2, delivery.channelId());
        insert.setString(3, delivery.json());
        insert.setObject(4, at);
        insert.setObject(5, at);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Webhook group not stored: " + e.getMessage(), e);
    }
  }
}
