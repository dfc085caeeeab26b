package dev.switchboard.crmbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CrmBridgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(CrmBridgeApplication.class, args);
	}

}
