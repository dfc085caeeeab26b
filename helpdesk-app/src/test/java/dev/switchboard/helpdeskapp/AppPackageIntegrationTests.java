package dev.switchboard.helpdeskapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * The zip {@code ./switchboard app package} hands to Zendesk (built in the package phase,
 * checked in verify): the manifest, the assets and the translations at its root, and
 * nothing of the build.
 */
class AppPackageIntegrationTests {

	@Test
	void holdsTheManifestAssetsAndTranslationsAtItsRootAndNothingElse() throws IOException {
		Path zip = Path.of(System.getProperty("user.dir"), "target", "switchboard-helpdesk-app.zip");
		assertThat(zip).isRegularFile();
		List<String> entries = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.isDirectory()) {
					entries.add(entry.getName());
				}
			}
		}
		assertThat(entries).containsExactlyInAnyOrder("manifest.json", "assets/iframe.html", "assets/app.js",
				"assets/app.css", "assets/logo.png", "assets/logo-small.png", "translations/en.json");
	}

}
