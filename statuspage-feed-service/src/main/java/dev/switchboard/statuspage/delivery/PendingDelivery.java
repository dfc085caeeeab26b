package dev.switchboard.statuspage.delivery;

import java.util.UUID;

/** A delivery claimed for an attempt. */
public record PendingDelivery(long seq, UUID subscriptionId, int attempts, IncidentView view) {

}
