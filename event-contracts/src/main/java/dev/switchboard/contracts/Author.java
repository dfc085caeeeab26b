package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A helpdesk user who wrote something: services act on the author's behalf
 * ({@code /remote} uses the e-mail, {@code /call} the phone).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Author(String id, @Nullable String name, @Nullable String email, @Nullable String phone) {

	public Author {
		notBlank(id, "author id");
	}

}
