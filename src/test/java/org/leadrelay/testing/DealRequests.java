package org.leadrelay.testing;

import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies of the Referrals API for deals a partner creates, one per deal type.
 */
public final class DealRequests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private DealRequests() {
	}

	/** Independent, shared with vendor staff: partner-led. */
	public static ObjectNode partnerLed() {
		ObjectNode deal = deal("Independent");
		((ObjectNode) deal.get("consent")).put("consentToShareReferralWithMicrosoftSellers", true);
		return deal;
	}

	/** Independent, not shared with vendor staff: private. */
	public static ObjectNode privateDeal() {
		return deal("Independent");
	}

	/** Shared with the vendor, asking for a proof of concept: co-sell. */
	public static ObjectNode coSell(Organization vendor) {
		ObjectNode deal = deal("Shared");
		deal.putArray("target").addObject().put("type", "Organization").put("id", vendor.id().toString());
		deal.putObject("inviteContext")
			.put("notes", "Could your team run the demo?")
			.put("assistanceRequestCode", "ProofOfConceptOrDemo");
		return deal;
	}

	/** Shared with another partner's location: partner-to-partner. */
	public static ObjectNode partnerToPartner(Location invited) {
		ObjectNode deal = deal("Shared");
		deal.putArray("target").addObject().put("type", "BusinessProfileLocation").put("id", invited.id().toString());
		deal.putObject("inviteContext").put("notes", "You know dairies in Austria");
		return deal;
	}

	private static ObjectNode deal(String type) {
		ObjectNode deal = (ObjectNode) json.readTree("""
				{
				  "name": "Dairy analytics",
				  "type": "%s",
				  "externalReferenceId": "CRM-7",
				  "campaignId": "FY26-Q3",
				  "customerProfile": {
				    "name": "Alpine Dairy Kft.",
				    "address": {"city": "Debrecen", "postalCode": "4025", "country": "HU"},
				    "size": "51to250employees",
				    "team": [{"firstName": "Eszter", "lastName": "Nagy", "email": "eszter.nagy@alpine.example"}]
				  },
				  "consent": {"consentToContact": true, "consentToToShareInfoWithOthers": false},
				  "details": {
				    "notes": "Our margin is 20 %%; the customer's budget is approved",
				    "dealValue": 40000,
				    "currency": "EUR",
				    "closingDateTime": "2027-03-31T00:00:00Z",
				    "requirements": {"solutions": ["Dairy BI pack"]}
				  },
				  "team": [{"firstName": "Anna", "lastName": "Kovács", "phoneNumber": "+36 1 555 0100",
				            "email": "anna.kovacs@contoso.example"}]
				}
				""".formatted(type));
		return deal;
	}

}
