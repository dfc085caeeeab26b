package dev.switchboard.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
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
	 * Leaves out the classes Spring's ahead-of-time processing generates into
	 * {@code target/classes} when a module is packaged ({@code Foo__BeanDefinitions},
	 * {@code Foo__ApplicationContextInitializer}, {@code Foo$$SpringCGLIB$$0}): they are
	 * the framework's code in the application's packages, not the application's own.
	 */
	public static final class DoNotIncludeGeneratedCode implements ImportOption {

		private static final Pattern GENERATED = Pattern
			.compile(".*/[^/]*(__[A-Z][A-Za-z]*|\\$\\$SpringCGLIB\\$\\$)[^/]*\\.class$");

		@Override
		public boolean includes(Location location) {
			return !location.matches(GENERATED);
		}

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

	/**
	 * Features depend on each other in one direction only: no cycle between the packages
	 * directly under the base package (adapters count with their feature).
	 */
	public static ArchRule featuresAreFreeOfCycles(String basePackage) {
		return slices().matching(basePackage + ".(*)..")
			.namingSlices("feature $1")
			.should()
			.beFreeOfCycles()
			.as("features of " + basePackage + " do not depend on each other in a cycle");
	}

	/**
	 * What an adapter package may be called: the system it talks to or the technology it
	 * wraps. A new adapter adds its system here, deliberately; a layer name
	 * ({@code impl}, {@code service}, {@code support}) never fits.
	 */
	public static final Set<String> ADAPTER_NAMES = Set.of("web", "messaging", "persistence", "scheduling", "metrics",
			"health", "rabbit", "github", "jira", "zendesk", "twilio", "slack", "teams", "webhook", "statuspage",
			"teamviewer", "guacamole", "remotesession", "gateway", "feed", "aesgcm", "phone", "ratelimit", "actuator",
			"http");

	/** Adapters (sub-packages of a feature) are named after their system. */
	public static ArchRule adaptersAreNamedAfterTheirSystem(String basePackage) {
		String prefix = basePackage + ".";
		return classes().that()
			.resideInAPackage(basePackage + ".*.*..")
			.should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>(
					"reside in an adapter named after its system") {
				@Override
				public void check(JavaClass javaClass, com.tngtech.archunit.lang.ConditionEvents events) {
					String[] below = javaClass.getPackageName().substring(prefix.length()).split("\\.");
					if (!ADAPTER_NAMES.contains(below[1])) {
						events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(javaClass,
								javaClass.getName() + " is in adapter package '" + below[1]
										+ "', which names no system (ServiceArchitecture.ADAPTER_NAMES)"));
					}
				}
			})
			.as("adapters of " + basePackage + " are named after their system")
			.allowEmptyShould(true);
	}

	/**
	 * Parse at the edge: a feature root (the use cases) never sees a raw
	 * {@code InboundDelivery}; the messaging adapter parses it and hands over domain
	 * changes.
	 */
	public static ArchRule useCasesNeverSeeARawDelivery(String basePackage) {
		return noClasses().that()
			.resideInAPackage(basePackage + ".*")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("dev.switchboard.contracts.InboundDelivery")
			.as("use cases of " + basePackage + " never see a raw InboundDelivery")
			.allowEmptyShould(true);
	}

	private static DescribedPredicate<JavaClass> notPackageInfo() {
		return DescribedPredicate.describe("not package-info",
				(javaClass) -> !javaClass.getSimpleName().equals("package-info"));
	}

}
