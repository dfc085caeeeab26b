package dev.switchboard.statuspage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.switchboard.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.switchboard.statuspage", importOptions = { ImportOption.DoNotIncludeTests.class,
		ImportOption.DoNotIncludeJars.class, ServiceArchitecture.DoNotIncludeGeneratedCode.class })
class ArchitectureTests {

	private static final String BASE = "dev.switchboard.statuspage";

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

	@ArchTest
	static final ArchRule useCasesNeverSeeARawDelivery = ServiceArchitecture.useCasesNeverSeeARawDelivery(BASE);

	/**
	 * A feature root reaches its adapters only through its ports: it names none of its
	 * own sub-packages (Slack, Teams and webhooks are peers behind
	 * {@code ChannelPoster}).
	 */
	@ArchTest
	static final ArchRule featureRootsImportNoAdapterOfTheirOwn = noClasses().that()
		.resideInAPackage(BASE + ".(*)")
		.should()
		.dependOnClassesThat()
		.resideInAPackage(BASE + ".(*).(*)..")
		.as("feature roots of " + BASE + " import no adapter package")
		.allowEmptyShould(true);

}
