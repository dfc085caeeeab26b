package dev.switchboard.gateway.deadletter;

/**
 * What a dead-letter replay did. A replay takes only the messages that were in the queue
 * when it started, so it ends even when they keep failing.
 *
 * @param moved messages published to their queue (confirmed) and then removed from the
 * dead-letter queue
 * @param left messages left in the dead-letter queue (not selected)
 * @param failedAgain messages this replay moved that were back in the dead-letter queue
 * by the time it ended (they failed again; later failures show in the listing)
 */
public record ReplayReport(String queue, int moved, int left, int failedAgain) {
}
