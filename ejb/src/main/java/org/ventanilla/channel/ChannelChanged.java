package org.ventanilla.channel;

/**
 * A channel was added, changed or deleted: whatever runs for it (a polling timer) reschedules once
 * the change is committed.
 */
public record ChannelChanged(long channelId) {}
