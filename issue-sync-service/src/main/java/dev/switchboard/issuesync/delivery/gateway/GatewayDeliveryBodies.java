package dev.switchboard.issuesync.delivery.gateway;

import java.io.IOException;
import java.util.UUID;

import dev.switchboard.issuesync.access.InternalTokenProperties;
import dev.switchboard.issuesync.delivery.DeliveryBodies;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.springframework.stereotype.Component;

/**
 * {@code GET <gateway>/internal/deliveries/{eventId}/body} with the internal token. I/O
 * failures and 5xx are retried with back-off (Resilience4j retry {@code gateway}); what
 * is left fails the delivery, which is dead-lettered and can be replayed.
 */
@Component
class GatewayDeliveryBodies implements DeliveryBodies {

	private final OkHttpClient http;

	private final HttpUrl base;

	private final String token;

	private final Retry retry;

	GatewayDeliveryBodies(GatewayProperties properties, InternalTokenProperties internal, RetryRegistry retries) {
		this.http = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.callTimeout(properties.connectTimeout().plus(properties.readTimeout()))
			.build();
		this.base = HttpUrl.get(properties.url().toString());
		this.token = internal.internalToken();
		this.retry = retries.retry("gateway");
	}

	@Override
	public byte[] fetch(UUID eventId) {
		HttpUrl url = this.base.newBuilder()
			.addPathSegments("internal/deliveries")
			.addPathSegment(eventId.toString())
			.addPathSegment("body")
			.build();
		Request request = new Request.Builder().url(url).header(InternalTokenProperties.HEADER, this.token).build();
		try {
			return this.retry.executeCallable(() -> get(request));
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("the gateway did not give the body of delivery " + eventId + ": " + ex, ex);
		}
	}

	private byte[] get(Request request) throws IOException {
		try (Response response = this.http.newCall(request).execute()) {
			if (response.code() >= 500) {
				throw new IOException("the gateway answered " + response.code());
			}
			if (!response.isSuccessful()) {
				throw new IllegalStateException(
						"the gateway answered " + response.code() + " for " + request.url().encodedPath());
			}
			return response.body().bytes();
		}
	}

}
