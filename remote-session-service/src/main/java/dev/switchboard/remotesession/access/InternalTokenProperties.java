package dev.switchboard.remotesession.access;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.internal-token}: the token the gateway sends as
 * {@code X-Switchboard-Internal-Token} on every {@code /api/**} call. Required: set
 * {@code SWITCHBOARD_INTERNAL_TOKEN}.
 */
@Validated
@ConfigurationProperties("switchboard")
public record InternalTokenProperties(@NotBlank String internalToken) {

	public static final String HEADER = "X-Switchboard-Internal-Token";

	@Override
	public String toString() {
		return "InternalTokenProperties[internalToken=***]";
	}

}
