package dev.switchboard.gateway.adminapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import dev.switchboard.gateway.access.Role;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

class ApiKeyPropertiesTests {

	private static final String SHA = "82007d29a6e0686708f2ef128b4d5d2225286cb76e82f74b09324d61ec36f968";

	private static final String OTHER_SHA = "e9dd8c27082cbf57352ec84ca02bbaa8ba3a9a1cfce9838c3f779acfc1b4f9d7";

	@Test
	void keepsFullRightsForAKeyConfiguredWithoutARole() {
		ApiKeys keys = keys(new ApiKeyProperties.Key("ops", SHA, null), new ApiKeyProperties.Key("ci", OTHER_SHA, " "));

		assertThat(keys.keyOf("test-admin-key-0123456789")).contains(new ApiKey("ops", Role.OPERATOR));
		assertThat(keys.keyOf("test-viewer-key-0123456789")).contains(new ApiKey("ci", Role.OPERATOR));
	}

	@Test
	void givesAKeyTheRoleItsConfigurationNamesInAnyCase() {
		ApiKeys keys = keys(new ApiKeyProperties.Key("ops", SHA, "Operator"),
				new ApiKeyProperties.Key("auditor", OTHER_SHA, "viewer"));

		assertThat(keys.keyOf("test-admin-key-0123456789")).contains(new ApiKey("ops", Role.OPERATOR));
		assertThat(keys.keyOf("test-viewer-key-0123456789")).contains(new ApiKey("auditor", Role.VIEWER));
		assertThat(keys.stillConfigured("auditor", OTHER_SHA)).contains(new ApiKey("auditor", Role.VIEWER));
		assertThat(keys.stillConfigured("ops", OTHER_SHA)).isEmpty();
	}

	@Test
	void refusesToStartWithARoleThatIsNoneNamingTheKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> keys(new ApiKeyProperties.Key("ops", SHA, "admin")))
			.withMessageContaining("'ops'")
			.withMessageContaining("'admin'")
			.withMessageContaining("viewer, agent, operator")
			.withMessageContaining("GATEWAY_APIKEYS_<n>_ROLE");
	}

	private static ApiKeys keys(ApiKeyProperties.Key... keys) {
		return new ApiKeys(new ApiKeyProperties(List.of(keys),
				new ApiKeyProperties.Api(50, DataSize.ofKilobytes(256), Duration.ofSeconds(30))));
	}

}
