package dev.switchboard.statuspage.access;

import dev.switchboard.statuspage.StatuspageIntegrationTest;
import dev.switchboard.testsupport.LocalDefaultsSmokeTests;

import org.springframework.test.context.TestPropertySource;

/**
 * statuspage-feed-service as ./switchboard run starts it: see
 * {@link LocalDefaultsSmokeTests}.
 */
@TestPropertySource(properties = "switchboard.encryption.key=" + StatuspageIntegrationTest.ENCRYPTION_KEY)
class LocalDefaultsSmokeIntegrationTests extends LocalDefaultsSmokeTests {

}
