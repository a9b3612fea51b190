package org.leadrelay.crm;

import org.junit.jupiter.api.Test;
import org.leadrelay.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A field mapping names opportunity fields by their API names (which end up in OData
 * filters and SOQL, so nothing else gets through), and says how each CRM opens and closes
 * opportunities.
 */
class FieldMappingTests {

	@Test
	void theDefaultsAreTheStandardFieldsAndAValidMapping() {
		for (CrmKind kind : CrmKind.values()) {
			assertThat(FieldMapping.defaults(kind).validFor(kind)).isEqualTo(FieldMapping.defaults(kind));
		}
		assertThat(FieldMapping.defaults(CrmKind.SALESFORCE).amount()).isEqualTo("Amount");
		assertThat(FieldMapping.defaults(CrmKind.DYNAMICS_365).amount()).isEqualTo("estimatedvalue");
	}

	@Test
	void optionalFieldsLeftBlankAreNotSynced() {
		FieldMapping mapping = new FieldMapping(" Name ", " ", "", "CloseDate", null, "LeadRelay_Id__c", "Prospecting",
				"Closed Won", "Closed Lost", null)
			.validFor(CrmKind.SALESFORCE);

		assertThat(mapping.name()).isEqualTo("Name");
		assertThat(mapping.amount()).isNull();
		assertThat(mapping.currency()).isNull();
		assertThat(mapping.description()).isNull();
	}

	@Test
	void onlyApiFieldNamesAreTaken() {
		FieldMapping defaults = FieldMapping.defaults(CrmKind.DYNAMICS_365);
		for (String name : new String[] { "name eq 'x' or 1", "name,statecode", "1name", "na-me", "x".repeat(101) }) {
			FieldMapping mapping = new FieldMapping(name, defaults.amount(), defaults.currency(), defaults.closeDate(),
					defaults.description(), defaults.reference(), null, "3", "4", null);
			assertRefused(mapping, CrmKind.DYNAMICS_365, "fieldMapping/name");
		}
	}

	@Test
	void requiredFieldsAndStagesAreRequiredAsEachCrmNeedsThem() {
		assertRefused(new FieldMapping("name", null, null, "estimatedclosedate", null, " ", null, "3", "4", null),
				CrmKind.DYNAMICS_365, "fieldMapping/reference");
		assertRefused(new FieldMapping("name", null, null, "estimatedclosedate", null, "new_leadrelayid", null,
				"Closed Won", "4", null), CrmKind.DYNAMICS_365, "fieldMapping/wonStage");
		assertRefused(new FieldMapping("name", null, null, "estimatedclosedate", null, "new_leadrelayid", "Open", "3",
				"4", null), CrmKind.DYNAMICS_365, "fieldMapping/openStage");
		assertRefused(new FieldMapping("Name", null, null, "CloseDate", null, "LeadRelay_Id__c", "Prospecting",
				"Closed Won", null, null), CrmKind.SALESFORCE, "fieldMapping/lostStage");
	}

	private static void assertRefused(FieldMapping mapping, CrmKind kind, String target) {
		assertThatThrownBy(() -> mapping.validFor(kind)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.target()).isEqualTo(target));
	}

}
