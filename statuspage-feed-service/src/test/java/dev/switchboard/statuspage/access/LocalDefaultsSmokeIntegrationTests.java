package dev.switchboard.statuspage.access;

import dev.switchboard.testsupport.LocalDefaultsSmokeTests;

/**
 * statuspage-feed-service as ./switchboard run starts it: see
 * {@link LocalDefaultsSmokeTests}.
 */
class LocalDefaultsSmokeIntegrationTests extends LocalDefaultsSmokeTests {

}
