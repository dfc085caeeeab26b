package dev.switchboard.issuesync.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;

import dev.switchboard.issuesync.IssueSyncApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

class MissingInternalTokenIntegrationTests {

	@Test
	void refusesToStartWithoutTheInternalTokenAndNamesTheVariable() throws Exception {
		String dataDir = Files.createTempDirectory("no-token").toString();
		SpringApplicationBuilder application = new SpringApplicationBuilder(IssueSyncApplication.class);

		assertThatThrownBy(() -> application.run("--server.port=0", "--switchboard.data-dir=" + dataDir,
				"--spring.rabbitmq.port=1"))
			.hasStackTraceContaining("set the environment variable SWITCHBOARD_INTERNAL_TOKEN");
	}

}
