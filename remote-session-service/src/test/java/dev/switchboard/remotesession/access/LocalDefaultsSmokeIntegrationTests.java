package dev.switchboard.remotesession.access;

import dev.switchboard.testsupport.LocalDefaultsSmokeTests;

/**
 * remote-session-service as ./switchboard run starts it: see
 * {@link LocalDefaultsSmokeTests}.
 */
class LocalDefaultsSmokeIntegrationTests extends LocalDefaultsSmokeTests {

}
