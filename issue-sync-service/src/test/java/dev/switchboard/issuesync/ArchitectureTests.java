package dev.switchboard.issuesync;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.switchboard.issuesync", importOptions = { ImportOption.DoNotIncludeTests.class,
		ImportOption.DoNotIncludeJars.class, ServiceArchitecture.DoNotIncludeGeneratedCode.class })
class ArchitectureTests {

	private static final String BASE = "dev.switchboard.issuesync";

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
	 * Parse at the edge: the messaging adapter reads the body, use cases get changes. Not
	 * the shared rule: the {@code tracker} root holds the {@code WebhookReader} port that
	 * the inbound adapter calls with the raw delivery.
	 */
	@ArchTest
	static final ArchRule useCasesNeverSeeARawDelivery = noClasses().that()
		.resideInAnyPackage(BASE + ".delivery", BASE + ".delivery.persistence", BASE + ".issuechange..",
				BASE + ".link..", BASE + ".reconciliation..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(InboundDelivery.class)
		.as("only the inbound messaging adapter and the webhook readers see a raw delivery");

}
