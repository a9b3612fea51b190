package org.leadrelay.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * What the Referrals API carries about a referral beyond LeadRelay's own workflow: the
 * sales stage, where the lead came from, tags, and the sender's own identifiers.
 * LeadRelay keeps them and returns them as sent, so an integration's data survives the
 * round trip, but no rule depends on them. Identifiers and offers are opaque JSON values.
 *
 * @param customerIds the sender's ids of the customer ({@code customerProfile/ids})
 * @param microsoftMsxId the opportunity's id in the vendor's CRM
 * ({@code trackingInfo/microsoftMsxId})
 */
public record ReferralAttributes(@Nullable SalesStage salesStage, @Nullable String referralProgram,
		@Nullable String referralSource, @Nullable String callToAction, @Nullable String microsoftMsxId,
		@Nullable String customerAction, @Nullable String assistanceRequestCode, List<String> tags,
		List<Object> customerIds, @Nullable String region, @Nullable Boolean consentToShareReferralWithMicrosoftSellers,
		List<Object> offers, @Nullable Object additionalRequirements) {

	public static final ReferralAttributes NONE = new ReferralAttributes(null, null, null, null, null, null, null,
			List.of(), List.of(), null, null, List.of(), null);

	/** The API name of the consent that lets vendor staff see a partner's deal. */
	public static final String CONSENT_TO_SHARE = "consent/consentToShareReferralWithMicrosoftSellers";

	private static final int MAX_ENTRIES = 50;

	public ReferralAttributes {
		referralProgram = Text.optional("referralProgram", referralProgram, 100);
		referralSource = Text.optional("referralSource", referralSource, 100);
		callToAction = Text.optional("callToAction", callToAction, 200);
		microsoftMsxId = Text.optional("trackingInfo/microsoftMsxId", microsoftMsxId, 100);
		customerAction = Text.optional("details/customerAction", customerAction, 200);
		assistanceRequestCode = Text.optional("inviteContext/assistanceRequestCode", assistanceRequestCode, 50);
		region = Text.optional("customerProfile/address/region", region, 100);
		tags = entries("tags", tags).stream().map(tag -> Text.required("tags", tag, 100)).distinct().toList();
		customerIds = entries("customerProfile/ids", customerIds);
		offers = entries("details/requirements/offers", offers);
	}

	/** Every attribute under its name in the Referrals API, for diffs. */
	public Map<String, @Nullable Object> byApiName() {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("salesStage", this.salesStage);
		values.put("referralProgram", this.referralProgram);
		values.put("referralSource", this.referralSource);
		values.put("callToAction", this.callToAction);
		values.put("trackingInfo/microsoftMsxId", this.microsoftMsxId);
		values.put("details/customerAction", this.customerAction);
		values.put("inviteContext/assistanceRequestCode", this.assistanceRequestCode);
		values.put("tags", this.tags);
		values.put("customerProfile/ids", this.customerIds);
		values.put("customerProfile/address/region", this.region);
		values.put(CONSENT_TO_SHARE, this.consentToShareReferralWithMicrosoftSellers);
		values.put("details/requirements/offers", this.offers);
		values.put("details/requirements/additionalRequirements", this.additionalRequirements);
		return values;
	}

	/** These attributes with some replaced, named as {@link #byApiName()} names them. */
	@SuppressWarnings("unchecked")
	public ReferralAttributes with(Map<String, @Nullable Object> replaced) {
		Map<String, @Nullable Object> values = byApiName();
		if (!values.keySet().containsAll(replaced.keySet())) {
			throw new IllegalArgumentException("Not attributes: " + replaced.keySet());
		}
		values.putAll(replaced);
		return new ReferralAttributes((SalesStage) values.get("salesStage"), (String) values.get("referralProgram"),
				(String) values.get("referralSource"), (String) values.get("callToAction"),
				(String) values.get("trackingInfo/microsoftMsxId"), (String) values.get("details/customerAction"),
				(String) values.get("inviteContext/assistanceRequestCode"), (List<String>) values.get("tags"),
				(List<Object>) values.get("customerProfile/ids"), (String) values.get("customerProfile/address/region"),
				(Boolean) values.get(CONSENT_TO_SHARE), (List<Object>) values.get("details/requirements/offers"),
				values.get("details/requirements/additionalRequirements"));
	}

	/** These attributes with another sales stage (a deal's, as the API shows it). */
	public ReferralAttributes withSalesStage(@Nullable SalesStage stage) {
		Map<String, @Nullable Object> replaced = new LinkedHashMap<>();
		replaced.put("salesStage", stage);
		return with(replaced);
	}

	/** These attributes with another consent to share the referral with vendor staff. */
	public ReferralAttributes withConsentToShareWithVendor(@Nullable Boolean consent) {
		Map<String, @Nullable Object> replaced = new LinkedHashMap<>();
		replaced.put(CONSENT_TO_SHARE, consent);
		return with(replaced);
	}

	/** The API names of the attributes that differ from {@code other}'s. */
	public List<String> differencesFrom(ReferralAttributes other) {
		Map<String, @Nullable Object> theirs = other.byApiName();
		return byApiName().entrySet()
			.stream()
			.filter(entry -> !Objects.equals(entry.getValue(), theirs.get(entry.getKey())))
			.map(Map.Entry::getKey)
			.toList();
	}

	/** Absent lists (as in a stored {@code {}}) are empty. */
	private static <T> List<T> entries(String target, @Nullable List<T> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_ENTRIES) {
			throw DomainException.invalid(target, target + " takes at most " + MAX_ENTRIES + " entries");
		}
		if (values.stream().anyMatch(Objects::isNull)) {
			throw DomainException.invalid(target, target + " has an empty entry");
		}
		return List.copyOf(values);
	}

}
