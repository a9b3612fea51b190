package org.leadrelay;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.leadrelay.referral.Referral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Only the referral module changes a referral: a transition (every method of
 * {@link Referral} that returns nothing) is package-private, and no class outside
 * {@code org.leadrelay.referral}, its {@code web} and {@code api} packages included,
 * calls one. Other modules go through {@code ReferralManagement} and ask the referral its
 * questions.
 */
class ReferralTransitionsTests {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.leadrelay");

	static final DescribedPredicate<JavaMethodCall> TRANSITION = DescribedPredicate.describe("a transition of Referral",
			call -> call.getTargetOwner().isEquivalentTo(Referral.class)
					&& call.getTarget().getRawReturnType().isEquivalentTo(void.class));

	@Test
	void transitionsAreNotPublic() {
		methods().that()
			.areDeclaredIn(Referral.class)
			.and()
			.haveRawReturnType(void.class)
			.should()
			.notBePublic()
			.andShould()
			.notBeProtected()
			.check(classes);
	}

	@Test
	void onlyTheReferralPackageCallsTransitions() {
		noClasses().that()
			.resideOutsideOfPackage("org.leadrelay.referral")
			.should()
			.callMethodWhere(TRANSITION)
			.check(classes);
	}

}
