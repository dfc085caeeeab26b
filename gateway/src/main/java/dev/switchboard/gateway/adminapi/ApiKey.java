package dev.switchboard.gateway.adminapi;

import dev.switchboard.gateway.access.Role;

/** A configured admin key as a request presents it: its name and role, never the key. */
public record ApiKey(String name, Role role) {
}
