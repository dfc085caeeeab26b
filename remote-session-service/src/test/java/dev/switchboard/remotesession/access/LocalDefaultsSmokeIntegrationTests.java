package dev.switchboard.remotesession.access;

import dev.switchboard.testsupport.LocalDefaultsSmokeTests;

import org.springframework.test.context.TestPropertySource;

/**
 * remote-session-service as ./switchboard run starts it: see
 * {@link LocalDefaultsSmokeTests}, with the encryption key the launcher sets.
 */
@TestPropertySource(properties = "switchboard.encryption.key=KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0VA=")
class LocalDefaultsSmokeIntegrationTests extends LocalDefaultsSmokeTests {

}
