package dev.switchboard.sandbox.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.slack.Message;

/** A Slack channel as the Slack client shows it: messages, each with its thread. */
record SlackChannelView(String id, String name, List<Thread> threads) {

	static List<SlackChannelView> of(Map<String, String> names, List<Message> messages) {
		Map<String, String> channels = new LinkedHashMap<>(names);
		messages.forEach((message) -> channels.putIfAbsent(message.channel(), message.channel()));
		List<SlackChannelView> views = new ArrayList<>();
		channels.forEach((id, name) -> {
			List<Message> inChannel = messages.stream().filter((message) -> message.channel().equals(id)).toList();
			List<Thread> threads = inChannel.stream()
				.filter((message) -> !message.reply())
				.map((parent) -> new Thread(parent,
						inChannel.stream().filter((reply) -> parent.ts().equals(reply.threadTs())).toList()))
				.toList();
			views.add(new SlackChannelView(id, name, threads));
		});
		return views;
	}

	/** A top-level message and its replies, oldest first. */
	record Thread(Message parent, List<Message> replies) {
	}

}
