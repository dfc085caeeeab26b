package dev.switchboard.crmbridge.call;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One status or recording callback of the phone system.
 *
 * @param callSid the leg the callback is about
 * @param parentCallSid set on a dialled (child) leg
 * @param status {@code CallStatus} in lower case; null on a recording callback
 * @param recordingUrl a recording of the conversation (not a voicemail)
 * @param sequenceNumber {@code SequenceNumber}, orders the callbacks of one leg
 * @param voicemail a voicemail the caller left, or its transcription; null on other
 * callbacks
 */
public record CallCallback(String callSid, @Nullable String parentCallSid, @Nullable String status,
		@Nullable String from, @Nullable String to, @Nullable String direction, @Nullable Integer durationSeconds,
		@Nullable String recordingUrl, Instant timestamp, @Nullable Integer sequenceNumber,
		CallLog.@Nullable Voicemail voicemail) {

	/** The call's key: the parent leg's sid. */
	public String callKey() {
		return (this.parentCallSid != null) ? this.parentCallSid : this.callSid;
	}

	public boolean childLeg() {
		return this.parentCallSid != null;
	}

}
