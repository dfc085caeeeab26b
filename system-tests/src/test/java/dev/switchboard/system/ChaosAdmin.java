package dev.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's admin API as the chaos suite uses it, each request to the next gateway
 * instance: links and subscriptions made before the load, and the links of a ticket read
 * back (has the note's link been made, and only once?).
 */
final class ChaosAdmin {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final List<String> gateways;

	private final String key;

	private final AtomicLong next = new AtomicLong();

	/** Tickets whose one link was seen: not asked again until {@link #forget()}. */
	private final Set<String> linked = ConcurrentHashMap.newKeySet();

	ChaosAdmin(List<String> gateways, String key) {
		this.gateways = List.copyOf(gateways);
		this.key = key;
	}

	/** POSTs, retried for ten seconds while the answer is not 200 or 201. */
	void post(String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> answer = null;
		for (int attempt = 0; attempt < 10; attempt++) {
			try {
				answer = HTTP.send(request(path).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 || answer.statusCode() == 201) {
					return;
				}
			}
			catch (IOException ex) {
				if (attempt == 9) {
					throw ex;
				}
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException(path + " refused: " + answer.statusCode() + " " + answer.body());
	}

	/**
	 * How many links the ticket has to the issue URL, or -1 when the admin API did not
	 * answer (a gateway or issue-sync being restarted, the broker cut).
	 * @param fresh ask even when the ticket's link was seen already
	 */
	int links(String ticketId, String issueUrl, boolean fresh) throws InterruptedException {
		if (!fresh && this.linked.contains(ticketId)) {
			return 1;
		}
		try {
			HttpResponse<String> answer = HTTP.send(
					request("/api/links?ticketId=" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				return -1;
			}
			int count = 0;
			for (JsonNode link : JSON.readTree(answer.body())) {
				if (issueUrl.equals(link.path("issueUrl").asText())) {
					count++;
				}
			}
			if (count == 1) {
				this.linked.add(ticketId);
			}
			return count;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The next reads ask again (the final count looks for duplicates too). */
	void forget() {
		this.linked.clear();
	}

	private HttpRequest.Builder request(String path) {
		String gateway = this.gateways.get((int) (this.next.getAndIncrement() % this.gateways.size()));
		return HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.key);
	}

}
