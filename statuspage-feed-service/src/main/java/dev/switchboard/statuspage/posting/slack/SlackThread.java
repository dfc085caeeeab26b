package dev.switchboard.statuspage.posting.slack;

/** The Slack thread of one incident in one subscription's channel. */
record SlackThread(String channel, String ts, String shownStatus) {

}
