package dev.switchboard.gateway.webhook;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gateway.*} settings of the ingress.
 *
 * @param publicBaseUrl the URL the providers call (the gateway runs behind proxies);
 * Twilio's signature covers it, so it is rebuilt from here, never from the request's Host
 * header
 * @param publish how long to wait for the broker's confirm, the {@code Retry-After} of a
 * 503, and how many channels the publishes of all requests share
 * @param ingress how much memory webhook bodies may hold at once
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(@DefaultValue("http://localhost:8080") URI publicBaseUrl, @DefaultValue Publish publish,
		@DefaultValue Ingress ingress) {

	/**
	 * @param channels AMQP channels in confirm mode that every request publishes through
	 * (env {@code GATEWAY_PUBLISH_CHANNELS}): few, so that the broker confirms several
	 * publishes with one {@code basic.ack}
	 */
	public record Publish(@DefaultValue("5s") Duration confirmTimeout, @DefaultValue("30s") Duration retryAfter,
			@DefaultValue("2") int channels) {

		public Publish {
			if (channels < 1) {
				throw new IllegalArgumentException("gateway.publish.channels must be at least 1, not " + channels);
			}
		}

	}

	/**
	 * @param bodyBudget the bytes all webhook bodies in flight may hold together (env
	 * {@code GATEWAY_INGRESS_BODYBUDGET}); unset: a quarter of the maximum heap
	 */
	public record Ingress(@Nullable DataSize bodyBudget) {

		public long bodyBudgetBytes(long maxHeap) {
			return (this.bodyBudget != null) ? this.bodyBudget.toBytes() : maxHeap / 4;
		}

	}

	/** The public URL of a path on this gateway, without a trailing slash doubling. */
	public String publicUrl(String pathAndQuery) {
		String base = this.publicBaseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
	}

}
