package dev.switchboard.remotesession.session;

import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static dev.switchboard.remotesession.RemoteSessionFixtures.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A deployment whose default provider is Guacamole, which needs a connection a note
 * cannot give: a {@code /remote} note gets one internal note saying how to start the
 * session instead.
 */
@TestPropertySource(properties = "remote-session.default-provider=guacamole")
@RemoteSessionIntegrationTest
class RemoteNoteWithGuacamoleAsDefaultIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	private static final Author AGENT = new Author("9001", "Ada Agent", "ada@example.com", "+14155550100");

	@Test
	void tellsTheAgentOnceToStartAGuacamoleSessionThroughTheApi() {
		String ticketId = newTicketId();
		NoteAdded note = note(ticketId, "/remote", AGENT);

		this.harness.publish(note);
		this.harness.publish(note);
		String marker = newTicketId();
		this.harness.publish(note(marker, "/remote", AGENT));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(marker)).hasSize(1));

		assertThat(this.harness.commandsFor(ticketId)).singleElement()
			.isInstanceOfSatisfying(AddInternalNote.class, (command) -> assertThat(command.body()).isEqualTo(
					"/remote could not start a remote session: the default provider Guacamole needs a connection "
							+ "(protocol, host, port) that a note cannot give.\nTo fix: start the session through the "
							+ "admin API (POST /api/sessions with a connection), or ask your Switchboard administrator "
							+ "to set remote-session.default-provider to teamviewer."));
	}

}
