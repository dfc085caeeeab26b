package dev.switchboard.remotesession;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RemoteSessionApplication {

	public static void main(String[] args) {
		SpringApplication.run(RemoteSessionApplication.class, args);
	}

}
