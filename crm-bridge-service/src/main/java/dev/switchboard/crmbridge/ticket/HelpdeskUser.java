package dev.switchboard.crmbridge.ticket;

import org.jspecify.annotations.Nullable;

/** A helpdesk user (agent or end user) as the users API returns it. */
public record HelpdeskUser(String id, @Nullable String name, @Nullable String email, @Nullable String phone) {

}
