package org.leadrelay.crm;

import org.junit.jupiter.api.Test;
import org.leadrelay.referral.DealStage;
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

	@Test
	void dealStagesLeftBlankAreTheDefaultsAndReadBackAsTheFurthestStage() {
		FieldMapping mapping = FieldMapping.defaults(CrmKind.DYNAMICS_365)
			.orDealStages(null)
			.validFor(CrmKind.DYNAMICS_365);
		assertThat(mapping.stages()).isEqualTo(DealStageMapping.defaults(CrmKind.DYNAMICS_365));

		DealStageMapping stages = new DealStageMapping(null, " ", "0", null, "2", " 3 ").validFor(CrmKind.DYNAMICS_365);
		assertThat(stages).isEqualTo(new DealStageMapping("salesstage", "0", "0", "1", "2", "3"));
		assertThat(stages.crmStage(DealStage.Accepted)).isEqualTo("0");
		assertThat(stages.crmStage(DealStage.Won)).isNull();
		assertThat(stages.dealStage("0")).contains(DealStage.Qualified);
		assertThat(stages.dealStage("3")).contains(DealStage.Negotiated);
		assertThat(stages.dealStage("7")).isEmpty();
		assertThat(DealStageMapping.defaults(CrmKind.SALESFORCE).validFor(CrmKind.SALESFORCE).dealStage("Prospecting"))
			.contains(DealStage.Accepted);
	}

	@Test
	void dealStagesAreRefusedByNameAsEachCrmNeedsThem() {
		assertThatThrownBy(
				() -> new DealStageMapping(null, null, null, "Develop", null, null).validFor(CrmKind.DYNAMICS_365))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.target()).isEqualTo("fieldMapping/dealStages/developed"));
		assertThatThrownBy(() -> new DealStageMapping("salesstage; x", null, null, null, null, null)
			.validFor(CrmKind.DYNAMICS_365)).isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.target()).isEqualTo("fieldMapping/dealStages/field"));
		assertThatThrownBy(
				() -> new DealStageMapping("StageName", null, null, null, null, null).validFor(CrmKind.SALESFORCE))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.target()).isEqualTo("fieldMapping/dealStages/field"));
		assertThatThrownBy(() -> new DealStageMapping(null, null, "Qualifi\ncation", null, null, null)
			.validFor(CrmKind.SALESFORCE)).isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.target()).isEqualTo("fieldMapping/dealStages/qualified"));
	}

	private static void assertRefused(FieldMapping mapping, CrmKind kind, String target) {
		assertThatThrownBy(() -> mapping.validFor(kind)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.target()).isEqualTo(target));
	}

}
