package dev.switchboard.statuspage.incident.feed;

import dev.switchboard.statuspage.incident.FeedProperties;
import okhttp3.OkHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one HTTP client for URLs that customers supply (feeds, Teams and webhook targets):
 * timeouts from {@code statuspage-feed.*}, redirects followed but every hop checked by
 * {@link PublicAddresses}.
 */
@Configuration(proxyBeanMethods = false)
class UserUrlHttpConfiguration {

	@Bean
	OkHttpClient userUrlHttpClient(FeedProperties properties) {
		PublicAddresses addresses = new PublicAddresses(properties.allowPrivateAddresses());
		return new OkHttpClient.Builder().dns(addresses)
			.addNetworkInterceptor(addresses)
			.connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.callTimeout(properties.callTimeout())
			.followRedirects(true)
			.followSslRedirects(true)
			.build();
	}

}
