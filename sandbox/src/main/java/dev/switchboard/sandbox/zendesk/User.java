package dev.switchboard.sandbox.zendesk;

/** A simulated Zendesk user: {@code role} is end-user, agent or admin. */
public record User(long id, String name, String email, String role) {
}
