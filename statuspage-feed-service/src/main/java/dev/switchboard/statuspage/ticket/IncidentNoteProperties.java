package dev.switchboard.statuspage.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code statuspage-feed.tickets.*}: incident notes on tickets.
 *
 * @param enabled whether tickets naming an affected component get incident notes
 * @param relayInterval how often unsent notes are published
 * @param resolvedTagPrefix when not blank, a ticket told of an incident's resolution also
 * gets the tag {@code <prefix><incident code>} (so agents can find and answer them
 * together); blank: no tag
 */
@Validated
@ConfigurationProperties("statuspage-feed.tickets")
public record IncidentNoteProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration relayInterval,
		@DefaultValue("") String resolvedTagPrefix) {

}
