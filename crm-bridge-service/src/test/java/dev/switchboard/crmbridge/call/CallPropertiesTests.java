package dev.switchboard.crmbridge.call;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code crm-bridge.calls.allowed-destinations} as a deployment sets it. */
class CallPropertiesTests {

	@Test
	void listsTheDefaultRegionOnlyWhenNothingIsSet() {
		assertThat(bind(Map.of()).allowedDestinations()).containsExactly("US");
		assertThat(bind(Map.of("crm-bridge.calls.default-region", "GB")).allowedDestinations()).containsExactly("GB");
		assertThat(bind(Map.of("crm-bridge.calls.allowed-destinations", "")).allowedDestinations())
			.containsExactly("US");
		assertThat(bind(Map.of("crm-bridge.calls.allowed-destinations", " , ")).allowedDestinations())
			.containsExactly("US");
	}

	@Test
	void readsTheListFromTheEnvironmentInAnyCase() {
		Binder binder = new Binder(ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("CRMBRIDGE_CALLS_ALLOWEDDESTINATIONS", "us, gb,CA"))));

		assertThat(binder.bindOrCreate("crm-bridge.calls", CallProperties.class).allowedDestinations())
			.containsExactly("US", "GB", "CA");
	}

	private static CallProperties bind(Map<String, Object> properties) {
		return new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", properties)))
			.bindOrCreate("crm-bridge.calls", CallProperties.class);
	}

}
