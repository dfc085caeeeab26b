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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A deployment whose default provider, TeamViewer, has no token: a {@code /remote} note
 * gets one internal note on its ticket naming the setting to add, however often it is
 * delivered.
 */
@TestPropertySource(properties = "remote-session.teamviewer.token=")
@RemoteSessionIntegrationTest
class RemoteNoteWithoutTeamviewerIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	private static final Author AGENT = new Author("9001", "Ada Agent", "ada@example.com", "+14155550100");

	@Test
	void tellsTheAgentOnceThatTeamviewerIsNotConfiguredAndWhichSettingIsMissing() {
		String ticketId = newTicketId();
		NoteAdded note = note(ticketId, "/remote", AGENT);

		this.harness.publish(note);
		this.harness.publish(note);
		String marker = newTicketId();
		this.harness.publish(note(marker, "/remote", AGENT));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(marker)).hasSize(1));

		assertThat(this.harness.commandsFor(ticketId)).singleElement()
			.isInstanceOfSatisfying(AddInternalNote.class, (command) -> assertThat(command.body())
				.isEqualTo("/remote could not start a remote session: TeamViewer is not configured in this Switchboard "
						+ "deployment.\nTo fix: ask your Switchboard administrator to set "
						+ "REMOTESESSION_TEAMVIEWER_TOKEN for remote-session-service, then write /remote again."));
		assertThat(this.jdbc.sql("select count(*) from remote_session where ticket_id = ?")
			.param(ticketId)
			.query(Long.class)
			.single()).isZero();
	}

}
