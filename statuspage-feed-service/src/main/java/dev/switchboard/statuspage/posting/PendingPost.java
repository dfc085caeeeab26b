package dev.switchboard.statuspage.posting;

import java.util.UUID;

/** A delivery claimed for an attempt. */
public record PendingPost(long seq, UUID subscriptionId, int attempts, IncidentView view) {

}
