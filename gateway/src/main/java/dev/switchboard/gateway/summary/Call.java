package dev.switchboard.gateway.summary;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One of the requester's calls.
 *
 * @param direction {@code inbound}, {@code outbound-api} (click-to-call), …
 * @param status Twilio's call status ({@code ringing}, {@code in-progress},
 * {@code completed}, …)
 * @param active not ended yet
 * @param ticketId the ticket the call is logged on (this one or another of the
 * requester's)
 */
public record Call(String callSid, String direction, String status, boolean active, boolean missed,
		@Nullable String ticketId, Instant startedAt, @Nullable Integer durationSeconds,
		@Nullable String recordingUrl) {
}
