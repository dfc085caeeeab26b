package dev.switchboard.gateway.webhook.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What the {@link WebhookEndpoint} answers: status, content type, a JSON body, and
 * whether to ask for a retry later ({@code Retry-After}). Errors are RFC 9457 problem
 * details with the fields in the order Spring MVC writes them; their {@code instance},
 * the request's path, is filled in when written.
 */
record WebhookAnswer(HttpStatus status, String contentType, Map<String, @Nullable Object> body, boolean retryLater) {

	static WebhookAnswer accepted(UUID eventId, String deliveryId) {
		return new WebhookAnswer(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON_VALUE, delivery(eventId, deliveryId),
				false);
	}

	static WebhookAnswer duplicate(UUID eventId, String deliveryId) {
		Map<String, @Nullable Object> body = delivery(eventId, deliveryId);
		body.put("duplicate", true);
		return new WebhookAnswer(HttpStatus.OK, MediaType.APPLICATION_JSON_VALUE, body, false);
	}

	/** A webhook problem ({@code urn:switchboard:problem:webhook:<kind>}). */
	static WebhookAnswer problem(String kind, HttpStatus status, String title, String detail) {
		Map<String, @Nullable Object> body = problemBody(status, title, detail);
		body.put("type", "urn:switchboard:problem:webhook:" + kind);
		return new WebhookAnswer(status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, body, false);
	}

	/** As Spring MVC answers another method on a path mapped for POST alone. */
	static WebhookAnswer methodNotAllowed(String method) {
		return new WebhookAnswer(HttpStatus.METHOD_NOT_ALLOWED, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				problemBody(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
						"Method '" + method + "' is not supported."),
				false);
	}

	/**
	 * Adds a property to the body (a problem detail's extension) and returns this answer.
	 */
	WebhookAnswer with(String property, @Nullable Object value) {
		this.body.put(property, value);
		return this;
	}

	WebhookAnswer askingForARetryLater() {
		return new WebhookAnswer(this.status, this.contentType, this.body, true);
	}

	/** The body to write for a request to {@code path}. */
	Map<String, @Nullable Object> bodyFor(String path) {
		if (this.body.containsKey("instance")) {
			this.body.put("instance", path);
		}
		return this.body;
	}

	private static Map<String, @Nullable Object> delivery(UUID eventId, String deliveryId) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("eventId", eventId);
		body.put("deliveryId", deliveryId);
		return body;
	}

	private static Map<String, @Nullable Object> problemBody(HttpStatus status, String title, String detail) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("detail", detail);
		body.put("instance", null);
		body.put("status", status.value());
		body.put("title", title);
		return body;
	}

}
