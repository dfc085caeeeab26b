package dev.switchboard.remotesession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.NoteAdded;

import org.springframework.core.io.ClassPathResource;

/** Ids no other test uses, payloads from {@code src/test/resources}, requests. */
public final class RemoteSessionFixtures {

	private RemoteSessionFixtures() {
	}

	public static String newTicketId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
	}

	/** A TeamViewer session code no other test uses, in TeamViewer's format. */
	public static String newSessionCode() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "s%02d-%03d-%03d".formatted(random.nextInt(100), random.nextInt(1000), random.nextInt(1000));
	}

	/** A resource with its {@code {{name}}} placeholders filled in. */
	public static String fixture(String path, Map<String, String> values) {
		try {
			String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("{{" + value.getKey() + "}}", value.getValue());
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String startBody(String ticketId, String provider, String agentEmail) {
		return """
				{"ticketId":"%s","provider":"%s","agentEmail":"%s","customer":{"name":"Carla Customer","email":"carla@customer.example"}}
				"""
			.formatted(ticketId, provider, agentEmail);
	}

	/** A note an agent wrote on a ticket, as crm-bridge-service publishes it. */
	public static NoteAdded note(String ticketId, String body, Author author) {
		UUID eventId = UUID.randomUUID();
		return new NoteAdded(1, eventId, "corr-" + eventId, ticketId, Instant.now(), "c-" + eventId, body, false,
				author, false);
	}

}
