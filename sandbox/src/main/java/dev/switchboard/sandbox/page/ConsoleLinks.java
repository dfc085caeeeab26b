package dev.switchboard.sandbox.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.switchboard.sandbox.webhook.SandboxProperties;

/**
 * Links into the operator console of the gateway the sandbox reports to: the timeline of
 * a ticket id, an issue URL, a CallSid, a session id or an incident code.
 */
public final class ConsoleLinks {

	private final SandboxProperties properties;

	ConsoleLinks(SandboxProperties properties) {
		this.properties = properties;
	}

	public String timeline(Object value) {
		return this.properties
			.gateway("/console/timeline?value=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
	}

	public String login() {
		return this.properties.gateway("/console/login");
	}

}
