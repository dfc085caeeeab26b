package dev.switchboard.statuspage.incident.feed;

import dev.switchboard.statuspage.incident.FeedProperties;
import okhttp3.OkHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP clients for URLs that customers supply: timeouts from
 * {@code statuspage-feed.*}, redirects followed but every lookup and every connection
 * checked by {@link PublicAddresses} before it is made.
 */
@Configuration(proxyBeanMethods = false)
class UserUrlHttpConfiguration {

	/** Feeds: a redirect from http to https (or back) is followed. */
	@Bean
	OkHttpClient userUrlHttpClient(FeedProperties properties) {
		PublicAddresses addresses = new PublicAddresses(properties.allowPrivateAddresses());
		return new OkHttpClient.Builder().dns(addresses)
			.socketFactory(addresses)
			.connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.callTimeout(properties.callTimeout())
			.followRedirects(true)
			.followSslRedirects(true)
			.build();
	}

	/**
	 * Teams and webhook targets (the same connection pool): a redirect never leaves https
	 * for http, where the body, its signature or a URL's {@code sig} would travel in
	 * clear, unless {@code statuspage-feed.allow-insecure-targets}.
	 */
	@Bean
	OkHttpClient targetHttpClient(OkHttpClient userUrlHttpClient, FeedProperties properties) {
		return userUrlHttpClient.newBuilder().followSslRedirects(properties.allowInsecureTargets()).build();
	}

}
