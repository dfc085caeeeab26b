package dev.switchboard.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Simulated SaaS systems for {@code ./switchboard demo}: Zendesk, GitHub and Slack with
 * state, webhooks into the gateway signed as each provider signs them, and a page that
 * shows what the simulated systems saw.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

	public static void main(String[] args) {
		SpringApplication.run(SandboxApplication.class, args);
	}

}
