package dev.switchboard.statuspage.delivery;

/** The Slack thread of one incident in one subscription's channel. */
public record SlackThread(String channel, String ts, String shownStatus) {

}
