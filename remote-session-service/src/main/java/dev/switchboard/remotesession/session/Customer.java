package dev.switchboard.remotesession.session;

import org.jspecify.annotations.Nullable;

/** The person on the other end, as far as the ticket knows them. */
public record Customer(@Nullable String name, @Nullable String email) {

	public static final Customer UNKNOWN = new Customer(null, null);

}
