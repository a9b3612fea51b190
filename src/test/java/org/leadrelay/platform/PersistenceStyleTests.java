package org.leadrelay.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One persistence style: SQL lives in each module's {@code *Repository} classes, and
 * services call them. Only two pieces of infrastructure reach the database otherwise: the
 * job locks' provider and a Flyway Java migration.
 */
class PersistenceStyleTests {

	@Test
	void onlyRepositoriesRunSql() {
		noClasses().that(DescribedPredicate.not(repositoryOrInfrastructure()))
			.should()
			.dependOnClassesThat(assignableTo(JdbcClient.class).or(assignableTo(JdbcOperations.class))
				.or(assignableTo(NamedParameterJdbcOperations.class)))
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
				.importPackages("org.leadrelay"));
	}

	/** A repository or one of its nested classes, or infrastructure allowed JDBC. */
	private static DescribedPredicate<JavaClass> repositoryOrInfrastructure() {
		return DescribedPredicate.describe("a *Repository or infrastructure", javaClass -> {
			String topLevel = javaClass.getName().replaceFirst("\\$.*", "");
			return topLevel.endsWith("Repository")
					|| topLevel.equals("org.leadrelay.platform.jobs.ClusteredJobConfiguration")
					|| topLevel.equals("org.leadrelay.identity.V85__NormalisedEmails");
		});
	}

}
