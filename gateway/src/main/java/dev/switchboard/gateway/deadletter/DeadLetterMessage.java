package dev.switchboard.gateway.deadletter;

/**
 * One dead letter with its body, as the console shows it (listings never carry bodies).
 */
public record DeadLetterMessage(String queue, DeadLetter letter, byte[] body) {
}
