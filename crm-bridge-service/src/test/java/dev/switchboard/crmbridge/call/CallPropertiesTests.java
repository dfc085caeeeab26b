package dev.switchboard.crmbridge.call;

import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
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
		Binder binder = binder(
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("CRMBRIDGE_CALLS_ALLOWEDDESTINATIONS", "us, gb,CA")));

		assertThat(binder.bindOrCreate("crm-bridge.calls", CallProperties.class).allowedDestinations())
			.containsExactly("US", "GB", "CA");
	}

	private static CallProperties bind(Map<String, Object> properties) {
		return binder(new MapPropertySource("test", properties)).bindOrCreate("crm-bridge.calls", CallProperties.class);
	}

	private static Binder binder(PropertySource<?> source) {
		// ConfigurationPropertySources.from(source) is this one adapter, typed as
		// possibly
		// null: only a source of configuration property sources itself adapts to none
		return new Binder(Objects.requireNonNull(ConfigurationPropertySource.from(source),
				"an environment or map property source adapts to a configuration property source"));
	}

}
