package dev.switchboard.statuspage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StatuspageFeedApplication {

	public static void main(String[] args) {
		SpringApplication.run(StatuspageFeedApplication.class, args);
	}

}
