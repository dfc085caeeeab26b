package dev.switchboard.crmbridge.call.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.crmbridge.call.CallCallback;
import dev.switchboard.crmbridge.call.CallLog;
import dev.switchboard.crmbridge.call.CallbackFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Twilio's status and recording callbacks: {@code application/x-www-form-urlencoded} with
 * {@code CallSid}, {@code ParentCallSid}, {@code CallStatus}, {@code From}, {@code To},
 * {@code Direction}, {@code CallDuration}, {@code RecordingUrl}, {@code Timestamp} (RFC
 * 1123) and {@code SequenceNumber}; a recording whose {@code RecordingSource} is
 * {@code RecordVerb} is a voicemail, and a {@code TranscriptionSid} marks a voicemail's
 * transcription callback.
 */
@Component
class TwilioCallbackFormat implements CallbackFormat {

	/** {@code RecordingSource} of a recording made by TwiML {@code <Record>}. */
	private static final String VOICEMAIL_SOURCE = "RecordVerb";

	/** Transcriptions are of voicemails up to two minutes: longer text is cut. */
	private static final int MAX_TRANSCRIPTION = 8000;

	@Override
	public CallCallback read(byte[] body, Instant receivedAt) {
		Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
		String callSid = form.get("CallSid");
		if (callSid == null || callSid.isBlank()) {
			throw new IllegalArgumentException("Twilio callback without CallSid");
		}
		if (form.containsKey("TranscriptionSid")) {
			return transcription(callSid, form, receivedAt);
		}
		String status = form.get("CallStatus");
		// a recording callback carries RecordingStatus; only a completed recording is
		// kept
		String recordingStatus = form.get("RecordingStatus");
		String recording = (recordingStatus == null || "completed".equals(recordingStatus))
				? blankToNull(form.get("RecordingUrl")) : null;
		// a <Record> verb's recording is a voicemail the caller left, not the
		// conversation
		boolean voicemail = recording != null && VOICEMAIL_SOURCE.equals(form.get("RecordingSource"));
		return new CallCallback(callSid, blankToNull(form.get("ParentCallSid")),
				(status != null) ? status.toLowerCase(Locale.ROOT) : null, form.get("From"), form.get("To"),
				direction(form.get("Direction")), integer(form.get("CallDuration")), voicemail ? null : recording,
				timestamp(form.get("Timestamp"), receivedAt), integer(form.get("SequenceNumber")),
				voicemail ? new CallLog.Voicemail(recording, integer(form.get("RecordingDuration")), null, false, false)
						: null);
	}

	/**
	 * A {@code <Record transcribeCallback>}: the voicemail's text once Twilio has it. Its
	 * {@code CallStatus} and numbers describe the call as it was, so only the voicemail
	 * is taken; a failed transcription carries nothing.
	 */
	private static CallCallback transcription(String callSid, Map<String, String> form, Instant receivedAt) {
		String text = "completed".equals(form.get("TranscriptionStatus")) ? blankToNull(form.get("TranscriptionText"))
				: null;
		if (text != null && text.length() > MAX_TRANSCRIPTION) {
			text = text.substring(0, MAX_TRANSCRIPTION) + "…";
		}
		CallLog.Voicemail voicemail = new CallLog.Voicemail(blankToNull(form.get("RecordingUrl")), null, text, false,
				false);
		return new CallCallback(callSid, null, null, null, null, null, null, null, receivedAt, null, voicemail);
	}

	private static @Nullable String direction(@Nullable String direction) {
		if (direction == null) {
			return null;
		}
		return direction.startsWith("outbound") ? direction : "inbound";
	}

	private static Instant timestamp(@Nullable String value, Instant fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

	private static @Nullable Integer integer(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			form.putIfAbsent(name, value);
		}
		return form;
	}

}
