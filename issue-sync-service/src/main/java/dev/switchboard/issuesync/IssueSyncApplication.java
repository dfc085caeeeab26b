package dev.switchboard.issuesync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IssueSyncApplication {

	public static void main(String[] args) {
		SpringApplication.run(IssueSyncApplication.class, args);
	}

}
