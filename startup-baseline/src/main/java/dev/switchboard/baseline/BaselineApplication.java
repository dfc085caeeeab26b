package dev.switchboard.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest Spring Boot web application: Spring MVC on Tomcat with one endpoint. The
 * start-up benchmark starts it with the services' flags and prints each service's
 * resident memory beside its own.
 */
@SpringBootApplication
@RestController
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	@GetMapping("/")
	String ready() {
		return "ready";
	}

}
