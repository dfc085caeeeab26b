package dev.switchboard.gateway.health;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.adminapi.DownstreamProperties;
import dev.switchboard.gateway.deadletter.DeadLetterQueue;
import dev.switchboard.gateway.deadletter.DeadLetters;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Puts the health page together: the services are asked at the same time (each probe has
 * its own short timeout), so one that hangs does not hold the page up for the others;
 * RabbitMQ is asked for the dead-letter depths only (no message is touched).
 */
@Service
public class SystemHealth {

	private final GatewayProbe gateway;

	private final ServiceProbe services;

	private final GatewayCounters counters;

	private final DeadLetters deadLetters;

	private final DownstreamProperties locations;

	private final Clock clock;

	public SystemHealth(GatewayProbe gateway, ServiceProbe services, GatewayCounters counters, DeadLetters deadLetters,
			DownstreamProperties locations, Clock clock) {
		this.gateway = gateway;
		this.services = services;
		this.counters = counters;
		this.deadLetters = deadLetters;
		this.locations = locations;
		this.clock = clock;
	}

	public HealthReport report() {
		List<Readiness> services = new ArrayList<>();
		try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Readiness>> asked = List.of(
					probes.submit(() -> this.services.probe(ServiceNames.ISSUE_SYNC, this.locations.issueSync(),
							"gateway.services.issue-sync (GATEWAY_SERVICES_ISSUESYNC)")),
					probes
						.submit(() -> this.services.probe(ServiceNames.STATUSPAGE_FEED, this.locations.statuspageFeed(),
								"gateway.services.statuspage-feed (GATEWAY_SERVICES_STATUSPAGEFEED)")),
					probes.submit(() -> this.services.probe(ServiceNames.CRM_BRIDGE, this.locations.crmBridge(),
							"gateway.services.crm-bridge (GATEWAY_SERVICES_CRMBRIDGE)")),
					probes.submit(() -> this.services.probe(ServiceNames.REMOTE_SESSION, this.locations.remoteSession(),
							"gateway.services.remote-session (GATEWAY_SERVICES_REMOTESESSION)")));
			for (Future<Readiness> answer : asked) {
				services.add(answer.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking the services", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a probe failed", ex.getCause());
		}
		List<DeadLetterQueue> queues = null;
		String problem = null;
		try {
			queues = this.deadLetters.depths();
		}
		catch (IllegalStateException ex) {
			problem = deadLetterProblem(ex.getMessage());
		}
		return new HealthReport(this.clock.instant(), this.gateway.gateway(), services, queues, problem,
				this.counters.read());
	}

	private static String deadLetterProblem(@Nullable String why) {
		return "The dead-letter queues could not be listed (" + why + "). Check that RabbitMQ runs and that its"
				+ " management plugin answers at gateway.dead-letters.management-url.";
	}

}
