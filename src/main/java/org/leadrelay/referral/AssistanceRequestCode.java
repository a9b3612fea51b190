package org.leadrelay.referral;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;

/** What a partner asks the vendor's help with when it invites the vendor to co-sell. */
public enum AssistanceRequestCode {

	GeneralOrOther, CustomerTechnicalArchitecture, ProofOfConceptOrDemo, QuotesOrLicensing, PostSalesCustomerSuccess,
	WorkloadSpecificValueProposition;

	static final String TARGET = "inviteContext/assistanceRequestCode";

	/** The code a co-sell invitation names; the reference's {@code Unknown} is none. */
	static AssistanceRequestCode require(@Nullable String code) {
		return Arrays.stream(values())
			.filter(value -> value.name().equals(code))
			.findFirst()
			.orElseThrow(() -> DomainException.invalid(TARGET,
					"A co-sell deal asks the vendor for help: " + TARGET + " must be one of " + names()));
	}

	static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

}
