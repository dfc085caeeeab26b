package dev.switchboard.gateway.health.actuator;

import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.gateway.health.GatewayProbe;
import dev.switchboard.gateway.health.Readiness;

import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The gateway's readiness group ({@code readinessState}, {@code rabbit}, {@code db}), as
 * {@code /readyz} answers it, asked in-process.
 */
@Component
class ActuatorGatewayProbe implements GatewayProbe {

	private static final String NAME = "gateway";

	private final HealthEndpoint health;

	ActuatorGatewayProbe(HealthEndpoint health) {
		this.health = health;
	}

	@Override
	public Readiness gateway() {
		HealthDescriptor readiness = this.health.healthForPath("readiness");
		if (readiness == null) {
			return new Readiness(NAME, Readiness.State.NOT_READY, Map.of(),
					"The readiness group is not configured (management.endpoint.health.group.readiness).");
		}
		Map<String, String> components = new TreeMap<>();
		Map<String, HealthDescriptor> parts = (readiness instanceof CompositeHealthDescriptor composite)
				? composite.getComponents() : null;
		if (parts != null) {
			parts.forEach((name, component) -> components.put(name, component.getStatus().getCode()));
		}
		if (Status.UP.equals(readiness.getStatus())) {
			return new Readiness(NAME, Readiness.State.READY, components, "");
		}
		return new Readiness(NAME, Readiness.State.NOT_READY, components,
				"This gateway answers but is not ready (" + readiness.getStatus().getCode()
						+ "): webhooks get 503 until the components not UP (RabbitMQ, the database) are back.");
	}

}
