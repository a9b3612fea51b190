package org.leadrelay.testing;

import org.leadrelay.partner.Location;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies for the Referrals API, as JSON trees tests can adjust before sending.
 */
public final class ReferralRequests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ReferralRequests() {
	}

	/** A complete, valid sales-qualified referral for the location. */
	public static ObjectNode newReferral(Location location) {
		return (ObjectNode) json.readTree("""
				{
				  "name": "ERP for Alpine Dairy",
				  "qualification": "SalesQualified",
				  "type": "Independent",
				  "target": [{"type": "BusinessProfileLocation", "id": "%s"}],
				  "customerProfile": {
				    "name": "Alpine Dairy Kft.",
				    "address": {"city": "Debrecen", "postalCode": "4025", "country": "HU"},
				    "size": "51to250employees",
				    "team": [{"firstName": "Eszter", "lastName": "Nagy", "phoneNumber": "+36 52 555 0100",
				              "email": "eszter.nagy@alpine.example"}]
				  },
				  "consent": {"consentToContact": true, "consentToToShareInfoWithOthers": false},
				  "details": {
				    "notes": "Replace spreadsheets with an ERP for three warehouses",
				    "dealValue": 25000,
				    "currency": "EUR",
				    "closingDateTime": "2027-03-31T00:00:00Z",
				    "customerRequestedContact": true,
				    "requirements": {
				      "industries": [{"id": "Manufacturing"}],
				      "products": [{"id": "Northwind ERP"}],
				      "services": [{"id": "Implementation"}],
				      "solutions": ["Warehouse management"]
				    }
				  },
				  "inviteContext": {"notes": "Met at the Debrecen roadshow"}
				}
				""".formatted(location.id()));
	}

	public static String patch(String... operations) {
		return "[" + String.join(",", operations) + "]";
	}

	public static String replace(String path, String jsonValue) {
		return "{\"op\": \"replace\", \"path\": \"" + path + "\", \"value\": " + jsonValue + "}";
	}

	public static String add(String path, String jsonValue) {
		return "{\"op\": \"add\", \"path\": \"" + path + "\", \"value\": " + jsonValue + "}";
	}

	/** The JSON Patch that accepts a referral with every required deal field. */
	public static String accept() {
		return patch(replace("/status", "\"Active\""), replace("/substatus", "\"Accepted\""),
				replace("/name", "\"Alpine Dairy ERP\""), replace("/details/dealValue", "30000"),
				replace("/details/currency", "\"EUR\""),
				replace("/details/closingDateTime", "\"2027-04-30T00:00:00Z\""),
				replace("/details/notes", "\"Three warehouses, go-live before harvest\""));
	}

}
