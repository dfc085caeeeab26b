package dev.switchboard.sandbox.twilio;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated Twilio account's calls: legs with Twilio's sids ({@code CA} and 32 hex
 * digits), their status as it moves (queued, initiated, ringing, in-progress, then
 * completed, busy, no-answer, failed or canceled) and the callbacks sent about them.
 */
@Component
public class PhoneSystem {

	static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

	/** The support line customers call, and click-to-call's caller id. */
	public static final String SUPPORT_NUMBER = "+18005551212";

	private final Map<String, MutableCall> calls = new LinkedHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	public PhoneSystem(Clock clock) {
		this.clock = clock;
	}

	/** A new leg, queued. */
	public synchronized Call create(@Nullable String parentSid, String direction, String from, String to) {
		MutableCall call = new MutableCall(sid("CA"), parentSid, direction, from, to, this.clock.instant());
		this.calls.put(call.sid, call);
		return call.snapshot();
	}

	/** The leg moves to a status; answered and ended times follow from it. */
	public synchronized Call status(String sid, String status) {
		MutableCall call = existing(sid);
		Instant now = this.clock.instant();
		call.status = status;
		if (status.equals("in-progress") && call.answeredAt == null) {
			call.answeredAt = now;
		}
		if (FINAL.contains(status)) {
			call.endedAt = now;
			call.durationSeconds = (call.answeredAt != null)
					? (int) Math.max(1, Duration.between(call.answeredAt, now).toSeconds()) : 0;
		}
		return call.snapshot();
	}

	public synchronized void recording(String sid, String url) {
		existing(sid).recordingUrl = url;
	}

	public synchronized void callback(String sid, String event, @Nullable Integer sequence, int answer) {
		existing(sid).callbacks.add(new Call.Callback(event, sequence, answer, this.clock.instant()));
	}

	public synchronized Optional<Call> call(String sid) {
		MutableCall call = this.calls.get(sid);
		return (call != null) ? Optional.of(call.snapshot()) : Optional.empty();
	}

	/** Every leg, oldest first. */
	public synchronized List<Call> calls() {
		return this.calls.values().stream().map(MutableCall::snapshot).toList();
	}

	/** A Twilio sid: the prefix and 32 hex digits. */
	public String sid(String prefix) {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	private MutableCall existing(String sid) {
		MutableCall call = this.calls.get(sid);
		if (call == null) {
			throw new IllegalArgumentException("no call " + sid);
		}
		return call;
	}

	private static final class MutableCall {

		final String sid;

		final @Nullable String parentSid;

		final String direction;

		final String from;

		final String to;

		final Instant createdAt;

		String status = "queued";

		@Nullable Instant answeredAt;

		@Nullable Instant endedAt;

		@Nullable Integer durationSeconds;

		@Nullable String recordingUrl;

		final List<Call.Callback> callbacks = new ArrayList<>();

		MutableCall(String sid, @Nullable String parentSid, String direction, String from, String to,
				Instant createdAt) {
			this.sid = sid;
			this.parentSid = parentSid;
			this.direction = direction;
			this.from = from;
			this.to = to;
			this.createdAt = createdAt;
		}

		Call snapshot() {
			return new Call(this.sid, this.parentSid, this.direction, this.from, this.to, this.status, this.createdAt,
					this.answeredAt, this.endedAt, this.durationSeconds, this.recordingUrl, this.callbacks);
		}

	}

}
