package dev.switchboard.sandbox.guacamole;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A connection an encrypted JSON login gave its user: named as remote-session named it
 * (Switchboard's session id), to the host its parameters say; connected once, then
 * disconnected.
 */
public record GuacamoleConnection(String name, String username, String protocol, String hostname, String port,
		Instant loggedInAt, @Nullable Instant expires, @Nullable Instant connectedAt,
		@Nullable Instant disconnectedAt) {

	/** {@code available}, {@code connected} or {@code disconnected}. */
	public String state() {
		if (this.disconnectedAt != null) {
			return "disconnected";
		}
		return (this.connectedAt != null) ? "connected" : "available";
	}

	public boolean live() {
		return this.connectedAt != null && this.disconnectedAt == null;
	}

	public long seconds() {
		return (this.connectedAt != null && this.disconnectedAt != null)
				? Duration.between(this.connectedAt, this.disconnectedAt).toSeconds() : 0;
	}

	GuacamoleConnection connected(Instant at) {
		return new GuacamoleConnection(this.name, this.username, this.protocol, this.hostname, this.port,
				this.loggedInAt, this.expires, at, null);
	}

	GuacamoleConnection disconnected(Instant at) {
		return new GuacamoleConnection(this.name, this.username, this.protocol, this.hostname, this.port,
				this.loggedInAt, this.expires, this.connectedAt, at);
	}

}
