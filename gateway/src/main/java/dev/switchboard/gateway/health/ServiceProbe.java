package dev.switchboard.gateway.health;

import java.net.URI;

/** Asks a service behind the gateway whether it is ready. */
public interface ServiceProbe {

	/**
	 * @param service the service's name
	 * @param baseUrl where the gateway reaches it ({@code gateway.services.*})
	 * @param property the property that sets {@code baseUrl}, for the advice
	 */
	Readiness probe(String service, URI baseUrl, String property);

}
