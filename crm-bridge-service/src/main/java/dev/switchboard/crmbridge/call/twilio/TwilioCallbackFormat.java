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
import dev.switchboard.crmbridge.call.CallbackFormat;

import org.springframework.stereotype.Component;

/**
 * Twilio's status and recording callbacks: {@code application/x-www-form-urlencoded} with
 * {@code CallSid}, {@code ParentCallSid}, {@code CallStatus}, {@code From}, {@code To},
 * {@code Direction}, {@code CallDuration}, {@code RecordingUrl}, {@code Timestamp} (RFC
 * 1123) and {@code SequenceNumber}.
 */
@Component
class TwilioCallbackFormat implements CallbackFormat {

	@Override
	public CallCallback read(byte[] body, Instant receivedAt) {
		Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
		String callSid = form.get("CallSid");
		if (callSid == null || callSid.isBlank()) {
			throw new IllegalArgumentException("Twilio callback without CallSid");
		}
		String status = form.get("CallStatus");
		// a recording callback carries RecordingStatus; only a completed recording is
		// kept
		String recordingStatus = form.get("RecordingStatus");
		String recording = (recordingStatus == null || "completed".equals(recordingStatus)) ? form.get("RecordingUrl")
				: null;
		return new CallCallback(callSid, blankToNull(form.get("ParentCallSid")),
				(status != null) ? status.toLowerCase(Locale.ROOT) : null, form.get("From"), form.get("To"),
				direction(form.get("Direction")), integer(form.get("CallDuration")), blankToNull(recording),
				timestamp(form.get("Timestamp"), receivedAt), integer(form.get("SequenceNumber")));
	}

	private static String direction(String direction) {
		if (direction == null) {
			return null;
		}
		return direction.startsWith("outbound") ? direction : "inbound";
	}

	private static Instant timestamp(String value, Instant fallback) {
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

	private static Integer integer(String value) {
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

	private static String blankToNull(String value) {
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
