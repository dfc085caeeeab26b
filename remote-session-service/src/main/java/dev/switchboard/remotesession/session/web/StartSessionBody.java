package dev.switchboard.remotesession.session.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/sessions}: {@code {ticketId, provider, agentEmail, customer: {name,
 * email}, connection: {protocol, hostname, port, parameters}}}, the connection for
 * Guacamole only. The ticket id is checked by the controller ({@code TicketIds}), so that
 * the problem names the field; the connection by the Guacamole adapter.
 */
record StartSessionBody(@Nullable String ticketId,
		@NotBlank @Pattern(regexp = "teamviewer|guacamole",
				message = "must be teamviewer or guacamole") String provider,
		@NotBlank @Email @Size(max = 320) String agentEmail, @Nullable @Valid CustomerBody customer,
		@Nullable @Valid ConnectionBody connection) {

	record CustomerBody(@Nullable @Size(max = 200) String name, @Nullable @Email @Size(max = 320) String email) {
	}

	record ConnectionBody(@NotBlank @Size(max = 32) String protocol, @NotBlank @Size(max = 253) String hostname,
			@Min(1) @Max(65535) int port, @Nullable Map<String, String> parameters) {

		/** Never prints the parameters: they may carry the target's password. */
		@Override
		public String toString() {
			return "ConnectionBody[" + this.protocol + "://" + this.hostname + ":" + this.port + "]";
		}

	}

}
