package dev.switchboard.sandbox.twilio;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A call leg as the simulated Twilio account shows it: a click-to-call is two legs, the
 * agent's ({@code outbound-api}) and the customer's ({@code outbound-dial}, whose
 * {@code parentSid} is the agent's leg). {@code callbacks} are the status callbacks sent
 * for it, with the gateway's answer.
 */
public record Call(String sid, @Nullable String parentSid, String direction, String from, String to, String status,
		Instant createdAt, @Nullable Instant answeredAt, @Nullable Instant endedAt, @Nullable Integer durationSeconds,
		@Nullable String recordingUrl, List<Callback> callbacks) {

	public Call {
		callbacks = List.copyOf(callbacks);
	}

	public boolean ended() {
		return PhoneSystem.FINAL.contains(this.status);
	}

	/**
	 * One callback sent: the status (or {@code recording}), its sequence number and what
	 * the gateway answered (-1: no answer).
	 */
	public record Callback(String event, @Nullable Integer sequence, int answer, Instant at) {
	}

}
