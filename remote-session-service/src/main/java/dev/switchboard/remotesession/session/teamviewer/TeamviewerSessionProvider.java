package dev.switchboard.remotesession.session.teamviewer;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.switchboard.remotesession.session.CreatedSession;
import dev.switchboard.remotesession.session.NewSession;
import dev.switchboard.remotesession.session.ProviderName;
import dev.switchboard.remotesession.session.Session;
import dev.switchboard.remotesession.session.SessionActivity;
import dev.switchboard.remotesession.session.SessionProvider;
import dev.switchboard.remotesession.session.VendorException;
import dev.switchboard.remotesession.session.VendorFailure;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * TeamViewer Web API: {@code POST /api/v1/sessions} creates a session code with a
 * supporter and an end-customer link, {@code GET /api/v1/reports/connections} says when a
 * connection with that code began and ended, {@code GET /api/v1/sessions/{code}} its
 * state, {@code PUT /api/v1/sessions/{code}} with {@code state: closed} closes it. 5xx,
 * timeouts and a short 429 are retried (Resilience4j {@code teamviewer}); other 4xx are
 * refusals.
 */
@Component
class TeamviewerSessionProvider implements SessionProvider {

	private static final MediaType JSON = MediaType.get("application/json");

	private final TeamviewerProperties properties;

	private final OkHttpClient http;

	private final JsonMapper json;

	private final Retry retry;

	TeamviewerSessionProvider(TeamviewerProperties properties, JsonMapper json, RetryRegistry retries) {
		this.properties = properties;
		this.json = json;
		this.http = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.callTimeout(properties.connectTimeout().plus(properties.readTimeout()))
			.addInterceptor((chain) -> chain
				.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + properties.token()).build()))
			.build();
		RetryConfig base = retries.getConfiguration("teamviewer").orElse(retries.getDefaultConfig());
		RetryConfig config = RetryConfig.from(base)
			.retryOnException(this::worthRetrying)
			.intervalBiFunction((attempt, outcome) -> {
				if (outcome.isLeft() && outcome.getLeft() instanceof VendorException ex
						&& ex.failure() instanceof VendorFailure.Unavailable unavailable
						&& unavailable.retryAfter() != null) {
					return unavailable.retryAfter().toMillis();
				}
				return base.getIntervalBiFunction().apply(attempt, outcome);
			})
			.build();
		this.retry = retries.retry("teamviewer", config);
	}

	@Override
	public ProviderName name() {
		return ProviderName.TEAMVIEWER;
	}

	@Override
	public boolean configured() {
		return this.properties.configured();
	}

	@Override
	public CreatedSession create(NewSession session) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("groupname", this.properties.groupName());
		body.put("description", "Ticket " + session.ticketId() + " (Switchboard session " + session.sessionId() + ")");
		if (session.customer().name() != null || session.customer().email() != null) {
			Map<String, Object> customer = new LinkedHashMap<>();
			if (session.customer().name() != null) {
				customer.put("name", session.customer().name());
			}
			if (session.customer().email() != null) {
				customer.put("email", session.customer().email());
			}
			body.put("end_customer", customer);
		}
		JsonNode created = call(() -> post("/api/v1/sessions", body));
		String code = text(created, "code");
		String supporterLink = text(created, "supporter_link");
		String customerLink = text(created, "end_customer_link");
		if (code == null || supporterLink == null || customerLink == null) {
			throw new VendorException(new VendorFailure.Unreadable(ProviderName.TEAMVIEWER,
					"the created session lacks code, supporter_link or end_customer_link"));
		}
		return new CreatedSession(code, supporterLink, customerLink);
	}

	@Override
	public List<SessionActivity> observe(Session session) {
		String code = session.providerSessionId();
		if (code == null) {
			return List.of();
		}
		JsonNode reports = call(() -> get(url("/api/v1/reports/connections").addQueryParameter("session_code", code)));
		List<SessionActivity> activities = new ArrayList<>(ConnectionReports.activities(code, reports));
		if (activities.isEmpty()) {
			// the code is TeamViewer's, yet one path segment only, whatever it contains
			JsonNode state = call(() -> get(url("/api/v1/sessions").addPathSegment(code)));
			if ("closed".equalsIgnoreCase(text(state, "state"))) {
				Instant closedAt = ConnectionReports.instant(text(state, "closed_at"));
				activities.add(SessionActivity.failed(code, (closedAt != null) ? closedAt : Instant.now(),
						"the session code was closed at TeamViewer before anyone connected",
						SessionActivity.Source.POLL));
			}
		}
		return activities;
	}

	@Override
	public void close(Session session) {
		String code = session.providerSessionId();
		if (code == null) {
			return;
		}
		call(() -> put(url("/api/v1/sessions").addPathSegment(code), Map.of("state", "closed")));
	}

	private JsonNode call(Supplier<JsonNode> request) {
		return Retry.decorateSupplier(this.retry, request).get();
	}

	private boolean worthRetrying(Throwable failure) {
		if (failure instanceof VendorException ex && ex.failure() instanceof VendorFailure.Unavailable unavailable) {
			return unavailable.retryAfter() == null
					|| unavailable.retryAfter().compareTo(this.properties.maxShortWait()) <= 0;
		}
		return false;
	}

	private JsonNode post(String path, Object body) {
		return execute(new Request.Builder().url(url(path).build())
			.post(RequestBody.create(this.json.writeValueAsBytes(body), JSON))
			.build());
	}

	private JsonNode put(HttpUrl.Builder url, Object body) {
		return execute(new Request.Builder().url(url.build())
			.put(RequestBody.create(this.json.writeValueAsBytes(body), JSON))
			.build());
	}

	private JsonNode get(HttpUrl.Builder url) {
		return execute(new Request.Builder().url(url.build()).get().build());
	}

	private HttpUrl.Builder url(String path) {
		HttpUrl base = HttpUrl.get(this.properties.baseUrl().toString());
		return base.newBuilder().encodedPath(base.encodedPath().replaceAll("/$", "") + path);
	}

	private JsonNode execute(Request request) {
		try (Response response = this.http.newCall(request).execute()) {
			byte[] bytes = response.body().bytes();
			if (response.isSuccessful()) {
				return (bytes.length == 0) ? this.json.createObjectNode() : this.json.readTree(bytes);
			}
			throw new VendorException(
					TeamviewerFailures.of(response.code(), response.header("Retry-After"), bytes, this.json));
		}
		catch (JacksonException ex) {
			throw new VendorException(
					new VendorFailure.Unreadable(ProviderName.TEAMVIEWER, "the answer is not the JSON expected"));
		}
		catch (IOException ex) {
			throw new VendorException(new VendorFailure.Unavailable(ProviderName.TEAMVIEWER,
					"not reachable (" + ex.getClass().getSimpleName() + ")", null), ex);
		}
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || value.asString().isBlank()) ? null : value.asString();
	}

}
