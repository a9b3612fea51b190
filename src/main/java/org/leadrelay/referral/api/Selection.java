package org.leadrelay.referral.api;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OData {@code $select} on the top-level properties of a referral: only those are
 * returned. Nested properties come whole with their parent ({@code customerProfile}).
 */
final class Selection {

	private static final Set<String> PROPERTIES = Arrays.stream(ReferralJson.class.getRecordComponents())
		.map(RecordComponent::getName)
		.collect(Collectors.toCollection(LinkedHashSet::new));

	private final @Nullable Set<String> names;

	private Selection(@Nullable Set<String> names) {
		this.names = names;
	}

	static Selection parse(@Nullable String select) {
		if (select == null || select.isBlank() || select.strip().equals("*")) {
			return new Selection(null);
		}
		Set<String> names = new LinkedHashSet<>();
		for (String name : select.split(",")) {
			String property = name.strip();
			if (!PROPERTIES.contains(property)) {
				throw DomainException.invalid("$select", "$select: '" + ApiValues.abbreviate(property)
						+ "' is not a property of a referral; use any of " + String.join(", ", PROPERTIES));
			}
			names.add(property);
		}
		return new Selection(names);
	}

	/** The referral, or only its selected properties. */
	Object apply(ReferralJson referral, JsonMapper json) {
		if (this.names == null) {
			return referral;
		}
		ObjectNode node = json.valueToTree(referral);
		node.retain(this.names);
		return node;
	}

	List<Object> apply(List<ReferralJson> referrals, JsonMapper json) {
		return referrals.stream().map(referral -> apply(referral, json)).toList();
	}

}
