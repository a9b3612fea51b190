package org.leadrelay.referral.web;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.NewDeal;
import org.leadrelay.referral.ReferralAttributes;
import org.leadrelay.referral.Requirements;

/**
 * A deal as a partner creates it in the workspace (issue 17): on which of its locations,
 * of which type (a co-sell deal asks the vendor for help, a partner-to-partner deal
 * invites another partner's location), the deal itself, one deal-team member, its
 * solutions and the customer.
 *
 * @param products products of the vendor's catalogue
 * @param solutions the partner's own solutions, comma-separated
 * @param shareContacts the customer agreed that its contacts are shared with the invited
 */
record NewDealForm(@NotNull @Nullable UUID location, @NotNull @Nullable DealType type, @Nullable String assistanceCode,
		@Size(max = DealDetails.MAX_NOTES) @Nullable String inviteNotes, @Nullable UUID partnerLocation,
		@Valid DealForm deal, @Valid TeamMemberForm member, @Nullable List<String> products,
		@Size(max = 1000) @Nullable String solutions, @NotBlank @Size(max = 200) @Nullable String customerName,
		@NotBlank @Nullable String country, @Size(max = 100) @Nullable String city, @Valid ContactForm contact,
		@Nullable Boolean shareContacts) {

	private static final Map<String, String> FIELDS = Map.ofEntries(
			Map.entry("inviteContext/assistanceRequestCode", "assistanceCode"),
			Map.entry("inviteContext/notes", "inviteNotes"), Map.entry("customerProfile/name", "customerName"),
			Map.entry("customerProfile/address/country", "country"), Map.entry("customerProfile/address/city", "city"));

	/** A post without the nested fields binds them empty, not null. */
	NewDealForm {
		deal = deal == null ? DealForm.EMPTY : deal;
		member = member == null ? new TeamMemberForm(null, null, null, null, null) : member;
		contact = contact == null ? ContactForm.EMPTY : contact;
	}

	/**
	 * A blank form on the caller's only location, if it has one, in the default currency.
	 */
	static NewDealForm empty(@Nullable UUID onlyLocation, Currency currency) {
		return new NewDealForm(onlyLocation, null, null, null, null,
				new DealForm(null, null, null, currency.getCurrencyCode(), null, null, null, null), null, List.of(),
				null, null, null, null, null, false);
	}

	/** The deal as the domain takes it; refused input names its field. */
	NewDeal toNewDeal() {
		DealType dealType = Objects.requireNonNull(this.type);
		ReferralAttributes attributes = dealType == DealType.CoSell ? ReferralAttributes.NONE
			.with(Map.of("inviteContext/assistanceRequestCode", this.assistanceCode == null ? "" : this.assistanceCode))
				: ReferralAttributes.NONE;
		return new NewDeal(new LocationId(this.location), null, dealType, this.deal.details(),
				new Customer(this.customerName, Address.of(null, null, this.city, null, null, this.country), null,
						this.contact.members()),
				new Consent(false, Boolean.TRUE.equals(this.shareContacts)), new Requirements(List.of(),
						this.products == null ? List.of() : this.products, List.of(), NewLeadForm.tags(this.solutions)),
				List.of(this.member.member()),
				dealType == DealType.PartnerToPartner && this.partnerLocation != null
						? new LocationId(this.partnerLocation) : null,
				dealType.invites() ? this.inviteNotes : null, attributes);
	}

	/**
	 * The form field for a domain target; "target" is the invited location or the own
	 * one.
	 */
	@Nullable String field(String target) {
		if ("target".equals(target)) {
			return this.type == DealType.PartnerToPartner ? "partnerLocation" : "location";
		}
		String member = TeamMemberForm.field(target);
		if (member != null) {
			return "member." + member;
		}
		String contact = ContactForm.field(target);
		if (contact != null) {
			return contact;
		}
		String deal = DealForm.field(target);
		return deal != null ? "deal." + deal : FIELDS.get(target);
	}

}
