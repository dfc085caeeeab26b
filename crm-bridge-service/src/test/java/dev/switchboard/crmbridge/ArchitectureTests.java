package dev.switchboard.crmbridge;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.switchboard.crmbridge", importOptions = { ImportOption.DoNotIncludeTests.class,
		ImportOption.DoNotIncludeJars.class, ServiceArchitecture.DoNotIncludeGeneratedCode.class })
class ArchitectureTests {

	private static final String BASE = "dev.switchboard.crmbridge";

	@ArchTest
	static final ArchRule featureRootsUseNoTechnology = ServiceArchitecture.featureRootsUseNoTechnology(BASE);

	@ArchTest
	static final ArchRule adaptersArePackagePrivate = ServiceArchitecture.adaptersArePackagePrivate(BASE);

	@ArchTest
	static final ArchRule packagesAreFeaturesNotLayers = ServiceArchitecture.packagesAreFeaturesNotLayers(BASE);

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = ServiceArchitecture.featuresAreFreeOfCycles(BASE);

	@ArchTest
	static final ArchRule adaptersAreNamedAfterTheirSystem = ServiceArchitecture.adaptersAreNamedAfterTheirSystem(BASE);

	/**
	 * Parse at the edge: a delivery is read by an adapter of its provider (e.g.
	 * {@code helpdeskevent.zendesk}, {@code call.twilio}), and the core of a feature gets
	 * domain objects only.
	 */
	@ArchTest
	static final ArchRule coreNeverSeesInboundDeliveries = noClasses().that()
		.resideInAnyPackage(BASE + ".ticket", BASE + ".call", BASE + ".helpdeskevent")
		.should()
		.dependOnClassesThat()
		.belongToAnyOf(InboundDelivery.class)
		.as("the cores of ticket, call and helpdeskevent never see an InboundDelivery");

}
