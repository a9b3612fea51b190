package org.leadrelay.referral.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Money;
import org.leadrelay.shared.DomainException;
import tools.jackson.databind.JsonNode;

/**
 * The reference's "create a deal registration" operation: a JSON Patch of one
 * {@code add /registrations/-} whose value names the registered products
 * ({@code solutionDetails[].id}, catalogue product names) and the contract's value and
 * currency. Both are optional: the deal's products and value apply. The reference's other
 * fields of a registration are accepted and not stored.
 */
record RegistrationPatch(List<String> products, @Nullable Money value) {

	static final String PATH = "/registrations/-";

	private static final Set<String> VALUE_FIELDS = Set.of("type", "solutionDetails", "contract");

	private static final Set<String> SOLUTION_FIELDS = Set.of("id", "name", "currency", "value", "isDeployedOnAzure",
			"primaryDeploymentOn", "pricingModel", "marketplaceTransactionDetails");

	private static final Set<String> CONTRACT_FIELDS = Set.of("value", "currency", "startDateTime", "endDateTime",
			"signDateTime", "term");

	/** Whether the patch registers the deal rather than changing it. */
	static boolean isRegistration(JsonNode patch) {
		if (!patch.isArray()) {
			return false;
		}
		for (JsonNode operation : patch) {
			JsonNode path = operation.get("path");
			if (path != null && path.isString() && path.asString().startsWith("/registrations")) {
				return true;
			}
		}
		return false;
	}

	static RegistrationPatch parse(JsonNode patch) {
		if (patch.size() != 1) {
			throw DomainException.invalid("registrations",
					"add " + PATH + " registers the deal and goes alone in its JSON Patch");
		}
		JsonNode operation = patch.get(0);
		if (!PATH.equals(text(operation.get("path"))) || !"add".equals(text(operation.get("op")))) {
			throw DomainException.invalid("registrations", "A registration is created with {\"op\": \"add\", "
					+ "\"path\": \"" + PATH + "\", \"value\": {...}} and is not changed afterwards");
		}
		JsonNode value = operation.get("value");
		if (value == null || value.isNull()) {
			return new RegistrationPatch(List.of(), null);
		}
		requireObject("registrations/-", value, VALUE_FIELDS);
		String type = text(value.get("type"));
		if (type != null && !"AzureIPCoSell".equals(type)) {
			throw DomainException.invalid("registrations/type", "type is AzureIPCoSell (or absent)");
		}
		return new RegistrationPatch(products(value.get("solutionDetails")), contract(value.get("contract")));
	}

	private static List<String> products(@Nullable JsonNode solutions) {
		List<String> products = new ArrayList<>();
		if (solutions == null || solutions.isNull()) {
			return products;
		}
		if (!solutions.isArray()) {
			throw DomainException.invalid("registrations/solutionDetails", "solutionDetails is an array");
		}
		for (JsonNode solution : solutions) {
			requireObject("registrations/solutionDetails", solution, SOLUTION_FIELDS);
			String id = text(solution.get("id"));
			if (id == null || id.isBlank()) {
				throw DomainException.invalid("registrations/solutionDetails/id",
						"Each solution names a product of the deal by its id");
			}
			products.add(id.strip());
		}
		return products;
	}

	private static @Nullable Money contract(@Nullable JsonNode contract) {
		if (contract == null || contract.isNull()) {
			return null;
		}
		requireObject("registrations/contract", contract, CONTRACT_FIELDS);
		JsonNode amount = contract.get("value");
		String currency = text(contract.get("currency"));
		if (amount == null || amount.isNull()) {
			return null;
		}
		String message = "contract/value is a number and goes with contract/currency";
		if (currency == null) {
			throw DomainException.invalid("registrations/contract/value", message);
		}
		return Money.of(ApiValues.decimal("registrations/contract/value", amount, message), currency);
	}

	private static void requireObject(String target, JsonNode node, Set<String> fields) {
		if (!node.isObject()) {
			throw DomainException.invalid(target, target + " is an object");
		}
		for (String name : node.propertyNames()) {
			if (!fields.contains(name)) {
				throw DomainException.invalid(target + "/" + name, "Unknown field '" + name + "' in " + target);
			}
		}
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return node == null || !node.isString() ? null : node.asString();
	}

}
