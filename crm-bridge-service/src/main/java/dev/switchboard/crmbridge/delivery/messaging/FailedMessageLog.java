package dev.switchboard.crmbridge.delivery.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.stereotype.Component;

/**
 * Logs a message that failed (it goes on to the dead-letter queue) by id and cause only:
 * the framework's own error log prints the payload, which may carry customer data, so it
 * is switched off in application.yml.
 */
@Component
class FailedMessageLog {

	private static final Logger log = LoggerFactory.getLogger(FailedMessageLog.class);

	private final MeterRegistry meters;

	FailedMessageLog(MeterRegistry meters) {
		this.meters = meters;
	}

	@ServiceActivator(inputChannel = IntegrationContextUtils.ERROR_CHANNEL_BEAN_NAME)
	void failed(ErrorMessage error) {
		Throwable cause = error.getPayload();
		Message<?> failed = (cause instanceof MessagingException messaging) ? messaging.getFailedMessage() : null;
		Object messageId = (failed != null) ? failed.getHeaders().get("amqp_messageId") : null;
		Object queue = (failed != null) ? failed.getHeaders().get("amqp_consumerQueue") : null;
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		log.error("Message {} from {} failed and goes to the dead-letter queue: {}: {}", messageId, queue,
				root.getClass().getSimpleName(), firstLine(root.getMessage()));
		this.meters.counter("switchboard.messages.dead-lettered", "queue", String.valueOf(queue)).increment();
	}

	private static String firstLine(@Nullable String text) {
		if (text == null) {
			return "";
		}
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

}
