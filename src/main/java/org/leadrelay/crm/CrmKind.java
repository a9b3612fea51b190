package org.leadrelay.crm;

import java.util.Arrays;
import java.util.Optional;

/** The CRMs LeadRelay connects to. */
public enum CrmKind {

	DYNAMICS_365("dynamics365", "Dynamics 365"), SALESFORCE("salesforce", "Salesforce");

	private final String apiName;

	private final String displayName;

	CrmKind(String apiName, String displayName) {
		this.apiName = apiName;
		this.displayName = displayName;
	}

	/** How the API and forms name it: {@code dynamics365} or {@code salesforce}. */
	public String apiName() {
		return this.apiName;
	}

	public String displayName() {
		return this.displayName;
	}

	public static Optional<CrmKind> named(String apiName) {
		return Arrays.stream(values()).filter(kind -> kind.apiName.equals(apiName)).findFirst();
	}

}
