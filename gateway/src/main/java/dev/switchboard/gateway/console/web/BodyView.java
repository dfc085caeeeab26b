package dev.switchboard.gateway.console.web;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * How the console shows bodies and times: JSON indented, forms one parameter a line,
 * other text as it is, binary as a size; times in UTC, ages in words. The templates
 * escape all of it.
 */
@Component
class BodyView {

	static final int LARGEST_SHOWN = 512 * 1024;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final JsonMapper json;

	BodyView(JsonMapper json) {
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	String pretty(byte[] body, @Nullable String contentType) {
		if (body.length == 0) {
			return "(empty body)";
		}
		if (body.length > LARGEST_SHOWN) {
			return "(" + body.length + " bytes: too large to show here; GET /api/deliveries/{id} has it)";
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException ex) {
			return "(" + body.length + " bytes of binary data)";
		}
		String trimmed = text.stripLeading();
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			try {
				return this.json.writeValueAsString(this.json.readTree(text));
			}
			catch (JacksonException ex) {
				return text;
			}
		}
		if (contentType != null && contentType.contains("x-www-form-urlencoded")) {
			return form(text);
		}
		return text;
	}

	private static String form(String text) {
		StringBuilder lines = new StringBuilder();
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			try {
				lines.append(URLDecoder.decode(name, StandardCharsets.UTF_8))
					.append(" = ")
					.append(URLDecoder.decode(value, StandardCharsets.UTF_8))
					.append('\n');
			}
			catch (IllegalArgumentException ex) {
				lines.append(pair).append('\n');
			}
		}
		return lines.toString();
	}

	static String time(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant) : "–";
	}

	static String age(@Nullable Instant instant, Instant now) {
		if (instant == null) {
			return "unknown";
		}
		Duration age = Duration.between(instant, now);
		if (age.toMinutes() < 1) {
			return "less than a minute";
		}
		if (age.toHours() < 1) {
			return age.toMinutes() + " min";
		}
		if (age.toDays() < 1) {
			return age.toHours() + " h " + age.toMinutesPart() + " min";
		}
		return age.toDays() + " d " + age.toHoursPart() + " h";
	}

}
