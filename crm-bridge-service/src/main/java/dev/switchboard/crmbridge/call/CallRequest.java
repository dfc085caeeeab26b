package dev.switchboard.crmbridge.call;

import java.time.Instant;

/** A {@code /call} note acted on: the helpdesk comment it was in, and when. */
public record CallRequest(String commentId, String ticketId, Instant requestedAt) {

}
