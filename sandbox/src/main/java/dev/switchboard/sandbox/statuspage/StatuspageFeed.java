package dev.switchboard.sandbox.statuspage;

import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.switchboard.sandbox.webhook.SandboxProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status page's public side under {@code /statuspage}: {@code history.atom} with a
 * conditional GET ({@code If-None-Match} first, else {@code If-Modified-Since}: 304 when
 * nothing changed), and {@code /incidents/{code}}, the incident's link, which shows it on
 * the sandbox's page.
 */
@RestController
@RequestMapping("/statuspage")
class StatuspageFeed {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml; charset=utf-8");

	private final StatusPage page;

	private final SandboxProperties properties;

	StatuspageFeed(StatusPage page, SandboxProperties properties) {
		this.page = page;
		this.properties = properties;
	}

	@GetMapping("/history.atom")
	ResponseEntity<String> history(
			@RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch,
			@RequestHeader(name = "If-Modified-Since", required = false) @Nullable String ifModifiedSince) {
		StatusPage.Validators validators = this.page.validators();
		if (unchanged(validators, ifNoneMatch, ifModifiedSince)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(validators.etag())
				.lastModified(validators.lastModified())
				.build();
		}
		return ResponseEntity.ok()
			.contentType(ATOM)
			.eTag(validators.etag())
			.lastModified(validators.lastModified())
			.body(AtomHistory.render(this.page.incidents(), validators.lastModified(),
					this.properties.link("/statuspage")));
	}

	@GetMapping("/incidents/{code}")
	ResponseEntity<Void> incident(@PathVariable String code) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/#incident-" + code)).build();
	}

	private static boolean unchanged(StatusPage.Validators validators, @Nullable String ifNoneMatch,
			@Nullable String ifModifiedSince) {
		if (ifNoneMatch != null) {
			return ifNoneMatch.strip().equals(validators.etag());
		}
		if (ifModifiedSince == null) {
			return false;
		}
		try {
			return !validators.lastModified()
				.isAfter(
						ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
