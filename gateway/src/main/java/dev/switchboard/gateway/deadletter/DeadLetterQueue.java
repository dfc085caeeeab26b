package dev.switchboard.gateway.deadletter;

import java.util.List;

/** A dead-letter queue, how many messages it holds, and the first of them. */
public record DeadLetterQueue(String name, String originalQueue, long depth, List<DeadLetter> messages) {
}
