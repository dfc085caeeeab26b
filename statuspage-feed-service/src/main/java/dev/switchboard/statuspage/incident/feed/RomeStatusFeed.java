package dev.switchboard.statuspage.incident.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.switchboard.statuspage.incident.CustomerUrls;
import dev.switchboard.statuspage.incident.FeedEntry;
import dev.switchboard.statuspage.incident.FeedFetch;
import dev.switchboard.statuspage.incident.FeedProperties;
import dev.switchboard.statuspage.incident.StatusFeed;
import dev.switchboard.statuspage.incident.Unreachable;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

import org.springframework.stereotype.Component;

/**
 * Fetches a feed with a conditional GET (ETag, Last-Modified) and a size cap, then lets
 * Rome parse the bytes with DOCTYPEs refused (no external entities, no entity expansion).
 * Rome never opens a URL itself. RSS 2.0 and Atom 1.0 both. A failure to connect is
 * recorded as its kind only ({@link Unreachable}), never with an address or a port.
 */
@Component
class RomeStatusFeed implements StatusFeed {

	private final OkHttpClient http;

	private final long maxBytes;

	private final MeterRegistry meters;

	private final CustomerUrls urls;

	RomeStatusFeed(OkHttpClient userUrlHttpClient, FeedProperties properties, MeterRegistry meters, CustomerUrls urls) {
		this.http = userUrlHttpClient;
		this.urls = urls;
		this.maxBytes = properties.maxFeedSize().toBytes();
		this.meters = meters;
	}

	@Override
	public FeedFetch fetch(String url, @Nullable String etag, @Nullable String lastModified) {
		FeedFetch result = get(url, etag, lastModified);
		String outcome = switch (result) {
			case FeedFetch.Fetched fetched -> "fetched";
			case FeedFetch.NotModified notModified -> "not-modified";
			case FeedFetch.Failed failed -> "failed";
		};
		this.meters.counter("switchboard.feed.fetches", "outcome", outcome).increment();
		return result;
	}

	private FeedFetch get(String url, @Nullable String etag, @Nullable String lastModified) {
		Optional<String> refusal = this.urls.refusal(url, CustomerUrls.Use.FEED);
		if (refusal.isPresent()) {
			return new FeedFetch.Failed("feed URL refused: " + refusal.get());
		}
		Request.Builder request = new Request.Builder().url(url)
			.header("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5")
			.header("User-Agent", "Switchboard statuspage-feed-service");
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		if (lastModified != null) {
			request.header("If-Modified-Since", lastModified);
		}
		try (Response response = this.http.newCall(request.build()).execute()) {
			if (response.code() == 304) {
				return new FeedFetch.NotModified();
			}
			if (!response.isSuccessful()) {
				return new FeedFetch.Failed("HTTP " + response.code());
			}
			byte[] bytes = capped(response.body());
			if (bytes == null) {
				return new FeedFetch.Failed("feed larger than " + this.maxBytes + " bytes");
			}
			return new FeedFetch.Fetched(entries(parse(bytes)), response.header("ETag"),
					response.header("Last-Modified"));
		}
		catch (FeedException | IllegalArgumentException ex) {
			return new FeedFetch.Failed("not a readable RSS/Atom feed: " + firstLine(ex.getMessage()));
		}
		catch (IOException ex) {
			return new FeedFetch.Failed("feed " + Unreachable.of(ex).text());
		}
	}

	private byte @Nullable [] capped(ResponseBody body) throws IOException {
		if (body.contentLength() > this.maxBytes) {
			return null;
		}
		BufferedSource source = body.source();
		if (source.request(this.maxBytes + 1)) {
			return null;
		}
		return source.readByteArray();
	}

	static SyndFeed parse(byte[] bytes) throws FeedException {
		SyndFeedInput input = new SyndFeedInput();
		input.setAllowDoctypes(false);
		input.setXmlHealerOn(false);
		try (InputStream stream = new ByteArrayInputStream(bytes)) {
			return input.build(new InputSource(stream));
		}
		catch (IOException ex) {
			throw new FeedException("unreadable", ex);
		}
	}

	static List<FeedEntry> entries(SyndFeed feed) {
		return feed.getEntries().stream().map(RomeStatusFeed::entry).toList();
	}

	private static FeedEntry entry(SyndEntry entry) {
		String link = entry.getLink();
		String id = (entry.getUri() != null) ? entry.getUri() : String.valueOf(link);
		return new FeedEntry(id, (entry.getTitle() != null) ? entry.getTitle().strip() : "", link,
				instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()), html(entry));
	}

	private static String html(SyndEntry entry) {
		for (SyndContent content : entry.getContents()) {
			if (content.getValue() != null && !content.getValue().isBlank()) {
				return content.getValue();
			}
		}
		SyndContent description = entry.getDescription();
		return (description != null && description.getValue() != null) ? description.getValue() : "";
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	private static String firstLine(@Nullable String text) {
		if (text == null) {
			return "";
		}
		int end = text.indexOf('\n');
		String line = (end < 0) ? text : text.substring(0, end);
		return (line.length() > 300) ? line.substring(0, 300) : line;
	}

}
