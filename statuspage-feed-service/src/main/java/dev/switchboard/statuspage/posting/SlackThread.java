package dev.switchboard.statuspage.posting;

/** The Slack thread of one incident in one subscription's channel. */
public record SlackThread(String channel, String ts, String shownStatus) {

}
