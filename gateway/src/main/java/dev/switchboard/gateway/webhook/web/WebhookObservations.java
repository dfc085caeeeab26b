package dev.switchboard.gateway.webhook.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Leaves webhooks out of the generic HTTP server observation
 * ({@code http.server.requests}): the {@link WebhookEndpoint} answers them before Spring
 * MVC and times them itself ({@code switchboard.webhooks.request}, counted by outcome in
 * {@code switchboard.webhooks.received}), so the observation would only cost a webhook
 * its time and allocations.
 */
@Component
class WebhookObservations implements ObservationPredicate {

	private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

	@Override
	public boolean test(String name, Observation.Context context) {
		if (!HTTP_SERVER_REQUESTS.equals(name) || !(context instanceof ServerRequestObservationContext server)) {
			return true;
		}
		HttpServletRequest request = server.getCarrier();
		return request == null || !request.getRequestURI().startsWith("/webhooks/");
	}

}
