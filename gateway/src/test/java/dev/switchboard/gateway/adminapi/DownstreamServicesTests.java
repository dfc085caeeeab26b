package dev.switchboard.gateway.adminapi;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value in a downstream path or query stays one value, whatever a caller typed: the
 * spellings a hostile or careless value brings.
 */
class DownstreamServicesTests {

	@Test
	void aQueryValueKeepsItsPlusSpaceAmpersandAndEqualsSign() {
		String query = DownstreamServices.query("incident", "a+b c&ticketId=1#x%41");

		assertThat(query).isEqualTo("incident=a%2Bb%20c%26ticketId%3D1%23x%2541");
		assertThat(URI.create("http://service/api/timeline?" + query).getQuery())
			.isEqualTo("incident=a+b c&ticketId=1#x%41");
	}

	@Test
	void aSegmentNeverAddsASegmentOrClimbsOne() {
		assertThat(DownstreamServices.segment("../admin")).isEqualTo("..%2Fadmin");
		assertThat(DownstreamServices.segment("..")).isEqualTo("%2E%2E");
		assertThat(DownstreamServices.segment(".")).isEqualTo("%2E");
		assertThat(DownstreamServices.segment("a/b?c;d")).isEqualTo("a%2Fb%3Fc%3Bd");
		assertThat(DownstreamServices.segment("ünï")).isEqualTo("%C3%BCn%C3%AF");
		assertThat(URI.create("http://service/api/links/" + DownstreamServices.segment("..")).normalize().getRawPath())
			.isEqualTo("/api/links/%2E%2E");
	}

}
