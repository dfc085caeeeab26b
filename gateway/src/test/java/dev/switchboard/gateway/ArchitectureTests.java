package dev.switchboard.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.switchboard.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.switchboard.gateway", importOptions = { ImportOption.DoNotIncludeTests.class,
		ImportOption.DoNotIncludeJars.class, ServiceArchitecture.DoNotIncludeGeneratedCode.class })
class ArchitectureTests {

	private static final String BASE = "dev.switchboard.gateway";

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

}
