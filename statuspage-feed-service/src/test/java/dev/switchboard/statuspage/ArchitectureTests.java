package dev.switchboard.statuspage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.switchboard.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.switchboard.statuspage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String BASE = "dev.switchboard.statuspage";

	@ArchTest
	static final ArchRule featureRootsUseNoTechnology = ServiceArchitecture.featureRootsUseNoTechnology(BASE);

	@ArchTest
	static final ArchRule adaptersArePackagePrivate = ServiceArchitecture.adaptersArePackagePrivate(BASE);

	@ArchTest
	static final ArchRule packagesAreFeaturesNotLayers = ServiceArchitecture.packagesAreFeaturesNotLayers(BASE);

}
