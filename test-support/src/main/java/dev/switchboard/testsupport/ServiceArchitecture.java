package dev.switchboard.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of STYLE.md, for a service whose base package is given (e.g.
 * {@code dev.switchboard.issuesync}): features directly under it, adapters one level
 * below a feature.
 */
public final class ServiceArchitecture {

	private ServiceArchitecture() {
	}

	/**
	 * A feature root speaks in domain terms: it may use the JDK, the contracts, other
	 * feature roots and Spring's stereotypes and configuration annotations, never a
	 * technology (HTTP clients, feed parsers, messaging, JDBC, servlets, resilience,
	 * metrics).
	 */
	public static ArchRule featureRootsUseNoTechnology(String basePackage) {
		return classes().that()
			.resideInAPackage(basePackage + ".*")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", basePackage + ".*", "dev.switchboard.contracts..",
					"org.springframework.stereotype..", "org.springframework.boot.context.properties..",
					"org.springframework.transaction.annotation..", "org.springframework.validation.annotation..",
					"org.springframework.util.unit..", "javax.crypto..", "jakarta.validation.constraints..",
					"org.jspecify..", "org.slf4j..")
			.as("feature roots of " + basePackage + " use no technology")
			.allowEmptyShould(true);
	}

	/**
	 * Adapters (sub-packages of a feature) are package-private: only the feature's ports
	 * are public.
	 */
	public static ArchRule adaptersArePackagePrivate(String basePackage) {
		return classes().that()
			.resideInAPackage(basePackage + ".*.*..")
			.and()
			.areTopLevelClasses()
			.and(notPackageInfo())
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.as("adapters of " + basePackage + " are package-private")
			.allowEmptyShould(true);
	}

	/** The top level is capabilities, never technical layers. */
	public static ArchRule packagesAreFeaturesNotLayers(String basePackage) {
		return noClasses().should()
			.resideInAnyPackage(basePackage + ".controller..", basePackage + ".service..",
					basePackage + ".repository..", basePackage + ".dto..", basePackage + ".util..",
					basePackage + ".common..")
			.as(basePackage + " is packaged by feature")
			.allowEmptyShould(true);
	}

	private static DescribedPredicate<JavaClass> notPackageInfo() {
		return DescribedPredicate.describe("not package-info",
				(javaClass) -> !javaClass.getSimpleName().equals("package-info"));
	}

}
