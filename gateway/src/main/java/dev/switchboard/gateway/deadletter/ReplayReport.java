package dev.switchboard.gateway.deadletter;

/**
 * What a dead-letter replay did.
 *
 * @param moved messages published to their queue (confirmed) and then removed from the
 * dead-letter queue
 * @param left messages left in the dead-letter queue (not selected)
 */
public record ReplayReport(String queue, int moved, int left) {
}
