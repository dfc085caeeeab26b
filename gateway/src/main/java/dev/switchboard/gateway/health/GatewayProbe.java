package dev.switchboard.gateway.health;

/** Whether this gateway instance is ready (its own readiness group: broker, database). */
public interface GatewayProbe {

	Readiness gateway();

}
